using System.Globalization;
using DigestBot.Platforms.Telegram;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// Only a group's administrators (asked with <c>getChatMember</c>) and curators change its subscription; when Telegram
/// cannot say, nobody is let in.
/// </summary>
public sealed class TelegramRolesTests
{
    private const long Group = -4001;
    private const long Admin = 5151;
    private const long Owner = 5252;
    private const long GroupAnonymousBot = 1087968824;

    [Fact]
    public async Task In_a_group_a_member_is_refused_and_an_administrator_subscribes_and_its_creator_unsubscribes()
    {
        await using var host = await StartWithAdminAsync();
        host.Telegram.SetChatMember(Group, Owner, "creator");

        var refused = await host.SendAsync(Group, "/subscribe");
        var afterRefusal = await SubscriptionAsync(host);
        var subscribed = await host.SendAsync(Group, "/subscribe #llm", Admin);
        var unsubscribeRefused = await host.SendAsync(Group, "/unsubscribe");
        var afterSecondRefusal = await SubscriptionAsync(host);
        var stopped = await host.SendAsync(Group, "/unsubscribe", Owner);

        Assert.StartsWith("<b>Only this group's administrators can use /subscribe here.</b>", refused.Text);
        Assert.Null(afterRefusal);
        Assert.StartsWith("<b>Subscribed: this chat will receive new posts tagged #llm.</b>", subscribed.Text);
        Assert.StartsWith("<b>Only this group's administrators can use /unsubscribe here.</b>", unsubscribeRefused.Text);
        Assert.Equal(["llm"], afterSecondRefusal!.Tags);
        Assert.StartsWith("<b>Unsubscribed", stopped.Text);
        Assert.Null(await SubscriptionAsync(host));
    }

    [Fact]
    public async Task A_korean_member_is_refused_in_korean_and_a_user_telegram_does_not_know_is_refused_too()
    {
        await using var host = await TelegramChatHost.StartAsync();
        const long Stranger = 99_999_999;
        host.Telegram.SetChatMember(Group, Stranger, null);

        var korean = await host.SendAsync(Group, "/subscribe #비디오", TelegramChatHost.Reader, "ko");
        var unknown = await host.SendAsync(Group, "/subscribe", Stranger);

        Assert.StartsWith("<b>이 그룹에서는 관리자만 /subscribe을(를) 쓸 수 있어요.</b>", korean.Text);
        Assert.StartsWith("<b>Only this group's administrators can use /subscribe here.</b>", unknown.Text);
        Assert.Null(await SubscriptionAsync(host));
    }

    [Fact]
    public async Task When_telegram_cannot_say_nothing_is_subscribed_and_the_next_try_asks_again()
    {
        await using var host = await StartWithAdminAsync();
        host.Telegram.FailNextChatMemberLookups(1);

        var failed = await host.SendAsync(Group, "/subscribe", Admin);
        var afterFailure = await SubscriptionAsync(host);
        var korean = await FailedInKoreanAsync(host);
        var again = await host.SendAsync(Group, "/subscribe", Admin);

        Assert.StartsWith("<b>I could not check just now who may do that; please try again in a minute.</b>", failed.Text);
        Assert.Null(afterFailure);
        Assert.StartsWith("<b>지금은 권한을 확인하지 못했어요. 잠시 후 다시 시도해 주세요.</b>", korean);
        Assert.StartsWith("<b>Subscribed: this chat will receive every new post.</b>", again.Text);
        Assert.NotNull(await SubscriptionAsync(host));
    }

    [Fact]
    public async Task An_administrators_answer_is_remembered_and_curators_channels_and_private_chats_need_no_lookup()
    {
        await using var host = await StartWithAdminAsync();
        host.Telegram.SetChatMember(Group, TelegramChatHost.Curator, "left");
        const long Channel = -1009876543210;

        var first = await host.SendAsync(Group, "/subscribe", Admin);
        var second = await host.SendAsync(Group, "/unsubscribe", Admin);
        var third = await host.SendAsync(Group, "/subscribe #llm", Admin);
        var curator = await host.SendAsync(Group, "/subscribe #cv", TelegramChatHost.Curator);
        var inPrivate = await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        var inChannel = await host.SendAsync(Channel, "/subscribe");

        Assert.Equal(
            ["Subscribed", "Unsubscribed", "Subscribed", "Subscribed", "Subscribed", "Subscribed"],
            new[] { first, second, third, curator, inPrivate, inChannel }.Select(a => a.Text![3..a.Text!.IndexOf(':')]));
        Assert.Equal([Admin], MemberLookups(host).Select(UserId));
    }

    [Fact]
    public async Task An_anonymous_administrator_writing_as_the_group_may_subscribe_it_without_a_lookup()
    {
        await using var host = await TelegramChatHost.StartAsync();
        var message = TelegramUpdates.Message(Group, GroupAnonymousBot, "/subscribe", null, ("bot_command", 0, 10, null));
        message["sender_chat"] = TelegramUpdates.Chat(Group);

        var answer = await host.SendUpdateAsync(Group, TelegramUpdates.Update(message));

        Assert.StartsWith("<b>Subscribed: this chat will receive every new post.</b>", answer.Text);
        Assert.Empty(MemberLookups(host));
    }

    private static async Task<TelegramChatHost> StartWithAdminAsync()
    {
        var host = await TelegramChatHost.StartAsync();
        host.Telegram.SetChatMember(Group, Admin, "administrator");
        return host;
    }

    private static async Task<string?> FailedInKoreanAsync(TelegramChatHost host)
    {
        const long KoreanAdmin = 5353;
        host.Telegram.SetChatMember(Group, KoreanAdmin, "administrator");
        host.Telegram.FailNextChatMemberLookups(1);
        return (await host.SendAsync(Group, "/unsubscribe", KoreanAdmin, "ko")).Text;
    }

    /// <summary>The bot's own lookups of the people who asked, not its start-up check of its own rights in the channel.</summary>
    internal static List<FakeTelegramCall> MemberLookups(TelegramChatHost host) =>
        host.Telegram.Calls.Where(c => c.Method == "getChatMember" && UserId(c) != host.Telegram.BotId).ToList();

    internal static long UserId(FakeTelegramCall call) => long.Parse(call.Parameters["user_id"]!.ToString(), CultureInfo.InvariantCulture);

    private static Task<Subscription?> SubscriptionAsync(TelegramChatHost host) =>
        host.Services.GetRequiredService<SubscriptionStore>().FindAsync(TelegramUpdateHandler.Platform, Group.ToString(CultureInfo.InvariantCulture), default);
}
