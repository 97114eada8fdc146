namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// With <c>Telegram:Readers</c> = <c>ChannelMembers</c>, lookups and subscriptions are for members of
/// <c>Telegram:Channel</c> only, in every way of asking: commands, page buttons and inline queries. Curators always pass.
/// </summary>
public sealed class TelegramReadersTests
{
    private const long Member = 6161, Leaver = 6262, Muted = 6363, MutedAndGone = 6464, Banned = 6565;

    private static readonly Dictionary<string, string> ChannelMembers = new() { ["Telegram:Readers"] = "ChannelMembers" };

    [Fact]
    public async Task Members_and_muted_members_are_answered_and_those_who_left_or_were_banned_are_refused()
    {
        await using var host = await StartAsync();

        var member = (await host.SendAsync(Member, "/tag llm", Member)).Text;
        var muted = (await host.SendAsync(Muted, "/tag llm", Muted)).Text;
        string?[] refused =
        [
            (await host.SendAsync(Leaver, "/tag llm", Leaver)).Text,
            (await host.SendAsync(MutedAndGone, "/search 언어", MutedAndGone)).Text,
            (await host.SendAsync(Banned, "/subscribe", Banned)).Text,
        ];
        var help = (await host.SendAsync(Leaver, "/help", Leaver)).Text;

        Assert.StartsWith("<b>#llm: 1 note</b>", member);
        Assert.StartsWith("<b>#llm: 1 note</b>", muted);
        Assert.All(refused, text => Assert.StartsWith("<b>I answer the members of the channel only; join the channel, then ask again.</b>", text));
        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", help);
    }

    [Fact]
    public async Task A_korean_stranger_is_refused_in_korean_and_a_curator_outside_the_channel_is_answered()
    {
        await using var host = await StartAsync();
        host.Telegram.SetChatMember(TelegramChatHost.Channel, TelegramChatHost.Curator, "left");

        var korean = (await host.SendAsync(Leaver, "/tags", Leaver, "ko")).Text;
        var curator = (await host.SendAsync(TelegramChatHost.Curator, "/tags", TelegramChatHost.Curator)).Text;

        Assert.StartsWith("<b>채널 멤버에게만 답해요. 채널에 참여한 다음 다시 물어봐 주세요.</b>", korean);
        Assert.StartsWith("<b>1 tag</b>", curator);
    }

    [Fact]
    public async Task A_page_button_pressed_by_a_stranger_keeps_its_page_and_says_why()
    {
        await using var host = await StartAsync();

        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery("cbq-1", Leaver, Leaver, 1, "p|t|llm|1"));
        await host.Until(() => host.Telegram.Calls.Any(c => c.Method == "answerCallbackQuery"), "the answer to the page button");

        var answer = host.Telegram.Calls.Single(c => c.Method == "answerCallbackQuery");
        Assert.Equal("I answer the members of the channel only; join the channel, then ask again.", answer.Text);
        Assert.DoesNotContain(host.Telegram.Calls, c => c.Method == "editMessageText");
    }

    [Fact]
    public async Task An_inline_query_lists_notes_only_to_members_and_telegram_keeps_each_answer_for_its_asker()
    {
        await using var host = await StartAsync();

        var refused = await InlineAsync(host, "iq-1", Leaver);
        var answered = await InlineAsync(host, "iq-2", Member);

        Assert.Empty(refused.Parameters["results"]!.AsArray());
        Assert.Equal("I answer the members of the channel only; join the channel, then ask again.", (string?)refused.Parameters["button"]!["text"]);
        Assert.Equal("True", refused.Parameters["is_personal"]!.ToString(), ignoreCase: true);
        Assert.Single(answered.Parameters["results"]!.AsArray());
        Assert.Equal("True", answered.Parameters["is_personal"]!.ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task With_anyone_reading_lookups_ask_telegram_nothing()
    {
        await using var host = await TelegramChatHost.StartAsync();
        await host.QueueAsync(NoteFactory.Paper("Language paper", "2501.00001", ["llm"]));
        await host.PostAllQueuedAsync();
        host.Telegram.SetChatMember(TelegramChatHost.Channel, Leaver, "left");

        var answer = (await host.SendAsync(Leaver, "/tag llm", Leaver)).Text;

        Assert.StartsWith("<b>#llm: 1 note</b>", answer);
        Assert.Empty(TelegramRolesTests.MemberLookups(host));
    }

    private static async Task<TelegramChatHost> StartAsync()
    {
        var host = await TelegramChatHost.StartAsync(ChannelMembers);
        await host.QueueAsync(NoteFactory.Paper("Language paper", "2501.00001", ["llm"]));
        await host.PostAllQueuedAsync();
        host.Telegram.SetChatMember(TelegramChatHost.Channel, Member, "member");
        host.Telegram.SetChatMember(TelegramChatHost.Channel, Leaver, "left");
        host.Telegram.SetChatMember(TelegramChatHost.Channel, Muted, "restricted");
        host.Telegram.SetChatMember(TelegramChatHost.Channel, MutedAndGone, "restricted_left");
        host.Telegram.SetChatMember(TelegramChatHost.Channel, Banned, "kicked");
        return host;
    }

    private static async Task<FakeTelegramCall> InlineAsync(TelegramChatHost host, string id, long from)
    {
        host.Telegram.EnqueueUpdate(TelegramUpdates.InlineQuery(id, from, "llm"));
        await host.Until(() => host.Telegram.Calls.Any(c => c.Method == "answerInlineQuery" && (string?)c.Parameters["inline_query_id"] == id), $"the answer to inline query {id}");
        return host.Telegram.Calls.Single(c => c.Method == "answerInlineQuery" && (string?)c.Parameters["inline_query_id"] == id);
    }
}
