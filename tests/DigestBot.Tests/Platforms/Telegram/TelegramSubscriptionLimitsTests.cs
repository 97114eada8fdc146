using System.Globalization;
using DigestBot.Platforms.Telegram;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>A subscription follows at most 20 tags, and at most <c>Subscriptions:Max</c> chats are subscribed at once.</summary>
public sealed class TelegramSubscriptionLimitsTests
{
    private static readonly string[] KoreanTags =
    [
        "비디오", "언어모델", "강화학습", "데이터셋", "추론", "멀티모달", "로보틱스", "음성", "번역", "요약",
        "검색", "에이전트", "평가", "효율", "양자화", "증류", "정렬", "안전", "코드", "수학",
    ];

    [Fact]
    public async Task Twenty_tags_are_taken_and_one_more_is_refused_whether_sent_at_once_or_added_later()
    {
        await using var host = await TelegramChatHost.StartAsync();
        const long Second = 4343;

        var fifteen = await host.SendAsync(TelegramChatHost.Reader, "/subscribe " + Hashtags(KoreanTags.Take(15)), languageCode: "ko");
        var sixMore = await host.SendAsync(TelegramChatHost.Reader, "/subscribe " + Hashtags(KoreanTags.Skip(15).Append("llm")), languageCode: "ko");
        var afterRefusal = (await SubscriptionAsync(host, TelegramChatHost.Reader))!.Tags.Count;
        var fiveMore = await host.SendAsync(TelegramChatHost.Reader, "/subscribe " + Hashtags(KoreanTags.Skip(15)));
        var twentyOneAtOnce = await host.SendAsync(Second, "/subscribe " + Hashtags(KoreanTags.Append("llm")), Second);

        Assert.StartsWith("<b>구독했어요", fifteen.Text);
        Assert.StartsWith("<b>구독 하나에는 태그를 20개까지 넣을 수 있어요.", sixMore.Text);
        Assert.Equal(15, afterRefusal);
        Assert.StartsWith("<b>Subscribed: this chat will receive new posts tagged #강화학습 ", fiveMore.Text);
        Assert.Contains(" #코드 ", fiveMore.Text);
        Assert.Equal(20, (await SubscriptionAsync(host, TelegramChatHost.Reader))!.Tags.Count);
        Assert.StartsWith("<b>A subscription follows at most 20 tags; send /unsubscribe, then /subscribe with fewer tags.</b>", twentyOneAtOnce.Text);
        Assert.Null(await SubscriptionAsync(host, Second));
    }

    [Fact]
    public async Task Past_the_maximum_a_new_chat_is_refused_while_a_subscribed_one_may_still_add_tags()
    {
        await using var host = await TelegramChatHost.StartAsync(new Dictionary<string, string> { ["Subscriptions:Max"] = "2" });
        const long Third = 4444, Fourth = 4545;

        await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        await host.SendAsync(TelegramChatHost.Curator, "/subscribe #llm", TelegramChatHost.Curator);
        var full = await host.SendAsync(Third, "/subscribe", Third);
        var fullInKorean = await host.SendAsync(Fourth, "/subscribe #비디오", Fourth, "ko");
        var moreTags = await host.SendAsync(TelegramChatHost.Curator, "/subscribe #비디오", TelegramChatHost.Curator);
        await host.SendAsync(TelegramChatHost.Reader, "/unsubscribe");
        var roomAgain = await host.SendAsync(Third, "/subscribe", Third);

        Assert.StartsWith("<b>I am full: 2 chats are subscribed already, so I cannot take another. Please ask the channel's curators.</b>", full.Text);
        Assert.StartsWith("<b>이미 채팅 2곳이 구독하고 있어서 더 받을 수 없어요.", fullInKorean.Text);
        Assert.Null(await SubscriptionAsync(host, Fourth));
        Assert.StartsWith("<b>Subscribed: this chat will receive new posts tagged #llm #비디오.</b>", moreTags.Text);
        Assert.StartsWith("<b>Subscribed: this chat will receive every new post.</b>", roomAgain.Text);
    }

    private static string Hashtags(IEnumerable<string> tags) => string.Join(' ', tags.Select(t => "#" + t));

    private static Task<Subscription?> SubscriptionAsync(TelegramChatHost host, long chat) =>
        host.Services.GetRequiredService<SubscriptionStore>().FindAsync(TelegramUpdateHandler.Platform, chat.ToString(CultureInfo.InvariantCulture), default);
}
