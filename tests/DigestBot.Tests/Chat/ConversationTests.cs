using DigestBot.Chat;
using DigestBot.Platforms.Console;
using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Telegram;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Chat;

/// <summary>The one conversation every platform shares, asked directly with the message records platforms build.</summary>
public sealed class ConversationTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ServiceProvider services;
    private readonly Conversation conversation;
    private readonly NoteStore store;

    public ConversationTests()
    {
        services = TestServices.Create(folder, new Dictionary<string, string?> { ["Schedule:TimeZone"] = "Asia/Seoul" });
        conversation = services.GetRequiredService<Conversation>();
        store = services.GetRequiredService<NoteStore>();
    }

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private static ChatMessage Message(ChatPlatform platform, string text, bool curator = true, ChatKind kind = ChatKind.Private) =>
        new(platform, "chat-1", "user-1", text, curator) { Kind = kind };

    private async Task<ChatReply?> Ask(ChatMessage message) => (await conversation.HandleAsync(message, default))?.Reply;

    [Fact]
    public async Task A_curators_tag_comes_out_laid_out_the_same_for_every_platform()
    {
        await store.ImportAsync([NoteFactory.Paper("First", "2501.00001", ["llm"]), NoteFactory.Paper("Second", "2501.00002", ["llm"])], default);

        var replies = new Dictionary<ChatPlatform, ChatReply>();
        foreach (var platform in Enum.GetValues<ChatPlatform>())
        {
            replies[platform] = (await Ask(Message(platform, "/tag llm")))!;
        }

        Assert.All(replies.Values, r => Assert.Equal("#llm: 2 notes", r.Heading));
        Assert.All(replies.Values, r => Assert.Equal([1, 2], r.Notes.Select(n => n.Number)));
        // The slots in the schedule's zone (the cron is read there), written once in Chat for every renderer.
        Assert.All(replies.Values, r => Assert.Equal(["goes out 2026-03-03 09:00 Asia/Seoul", "goes out 2026-03-02 09:00 Asia/Seoul"], r.Notes.Select(n => n.When)));

        var telegram = TelegramHtmlValidator.VisibleText(new TelegramReplyRenderer().Render(replies[ChatPlatform.Telegram]).Html);
        var slack = SlackBlockKitChecker.VisibleText(System.Text.Json.JsonSerializer.Serialize(SlackReplyRenderer.Render(replies[ChatPlatform.Slack]), DigestBot.Formatting.Slack.SlackJsonContext.Default.SlackMessage));
        var console = ConsoleReplyFormatter.Format(replies[ChatPlatform.Console]);
        Assert.Contains("queued, goes out 2026-03-02 09:00 Asia/Seoul", telegram);
        Assert.Contains("queued, goes out 2026-03-02 09:00 Asia/Seoul", slack);
        Assert.Contains("[queued] goes out 2026-03-02 09:00 Asia/Seoul", console);
    }

    [Fact]
    public async Task The_second_page_numbers_on_from_the_first()
    {
        await store.ImportAsync([.. Enumerable.Range(1, 12).Select(i => NoteFactory.Paper($"Paper {i}", $"2501.{i:00000}", ["llm"]))], default);

        var second = await Ask(Message(ChatPlatform.Telegram, "/tag llm 2"));

        Assert.Equal([11, 12], second!.Notes.Select(n => n.Number));
    }

    [Fact]
    public async Task In_a_group_a_strangers_paper_link_is_answered_only_when_it_talks_to_the_bot()
    {
        var link = "look https://arxiv.org/abs/2501.00001";

        var unaddressed = await Ask(Message(ChatPlatform.Telegram, link, curator: false, kind: ChatKind.Group));
        var mentioned = await Ask(Message(ChatPlatform.Telegram, link, curator: false, kind: ChatKind.Group) with { MentionsBot = true });

        Assert.Null(unaddressed);
        Assert.Equal("Sorry, only the channel's curators can queue papers.", mentioned!.Heading);
    }

    [Fact]
    public async Task A_channels_own_posts_get_answers_only_to_commands()
    {
        var chatter = await Ask(Message(ChatPlatform.Telegram, "hello https://arxiv.org/abs/2501.00001", kind: ChatKind.Channel));
        var command = await Ask(Message(ChatPlatform.Telegram, "/tags", kind: ChatKind.Channel));

        Assert.Null(chatter);
        Assert.Equal("No tags yet: nothing has been posted.", command!.Heading);
    }

    [Fact]
    public async Task Words_without_a_paper_get_the_same_hint_in_private_on_every_platform_and_silence_in_a_group()
    {
        var telegram = await Ask(Message(ChatPlatform.Telegram, "hello there"));
        var slack = await Ask(Message(ChatPlatform.Slack, "hello there"));
        var group = await Ask(Message(ChatPlatform.Telegram, "hello there", kind: ChatKind.Group));
        var notPaper = await Ask(Message(ChatPlatform.Slack, "see https://example.org") with { Links = ["https://example.org"] });

        Assert.StartsWith("Hi! Curators can send me", telegram!.Heading);
        Assert.Equal([telegram.Heading, .. telegram.Lines], [slack!.Heading, .. slack.Lines]);
        Assert.Null(group);
        Assert.Equal("I found no arXiv paper in those links, so nothing was queued.", notPaper!.Heading);
    }

    [Fact]
    public async Task Digest_text_pasted_on_the_console_is_queued_at_its_hashtag_line_even_when_a_line_looks_like_a_command()
    {
        string[] lines = ["A pasted paper", "(Ada Lovelace)", "An abstract on one line.", "/tag is how readers find it later.", "#pasted"];

        var answers = new List<ChatReply?>();
        foreach (var line in lines)
        {
            answers.Add(await Ask(Message(ChatPlatform.Console, line)));
        }

        Assert.All(answers[..^1], Assert.Null);
        Assert.Equal("Queued: A pasted paper", answers[^1]!.Heading);
        Assert.StartsWith("1 note queued; next slot ", answers[^1]!.Lines[^1]);
        var stored = Assert.Single(await store.QueuedAsync(default));
        Assert.Contains("/tag is how readers find it later.", stored.Note.Commentary);
    }

    [Fact]
    public async Task Telegram_and_Slack_do_not_gather_pasted_lines()
    {
        var first = await Ask(Message(ChatPlatform.Telegram, "A pasted paper"));
        var tags = await Ask(Message(ChatPlatform.Telegram, "/tags"));

        Assert.StartsWith("Hi! Curators can send me", first!.Heading);
        Assert.Equal("No tags yet: nothing has been posted.", tags!.Heading);
        Assert.Empty(await store.QueuedAsync(default));
    }

    [Fact]
    public async Task A_reply_to_something_that_is_not_a_confirmation_is_handled_as_a_new_message()
    {
        var reply = await Ask(Message(ChatPlatform.Telegram, "/tags") with { RepliesTo = "12345" });
        var words = await Ask(Message(ChatPlatform.Telegram, "#more") with { RepliesTo = "12345" });

        Assert.Equal("No tags yet: nothing has been posted.", reply!.Heading);
        Assert.StartsWith("Hi! Curators can send me", words!.Heading);
    }
}
