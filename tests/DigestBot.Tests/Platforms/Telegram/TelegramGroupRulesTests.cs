using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>In groups the bot answers only what is meant for it, and shows nobody there what is still queued.</summary>
public sealed class TelegramGroupRulesTests
{
    private const long Group = -4001;
    private const string Sam2 = "SAM 2: Segment Anything in Images and Videos";

    [Fact]
    public async Task Commands_for_another_bot_and_unknown_commands_get_no_answer_in_a_group_but_an_answer_in_private()
    {
        await using var host = await TelegramChatHost.StartAsync();

        host.Telegram.EnqueueMessage(Group, "/tag@OtherBot llm");
        host.Telegram.EnqueueMessage(Group, "/weather Seoul");
        // A chat's updates are handled in order, so the group's next message is the answer to this one.
        var help = await host.SendAsync(Group, "/help");
        var privately = await host.SendAsync(TelegramChatHost.Reader, "/weather Seoul");

        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", help.Text);
        Assert.Single(host.MessagesTo(Group));
        Assert.StartsWith("<b>I don't know the command /weather.</b>", privately.Text);
    }

    [Fact]
    public async Task A_curators_paper_link_in_a_group_is_queued_only_when_it_mentions_the_bot()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        var notes = host.Services.GetRequiredService<NoteStore>();

        host.Telegram.EnqueueMessage(Group, "look at https://arxiv.org/abs/2408.00714 #video_segmentation", TelegramChatHost.Curator);
        var help = await host.SendAsync(Group, "/help");
        var unqueued = await notes.QueuedAsync(default);
        const string text = "@digest_test_bot https://arxiv.org/abs/2408.00714 #video_segmentation";
        var mentioned = TelegramUpdates.Message(Group, TelegramChatHost.Curator, text, null, ("mention", 0, 16, null));
        var confirmed = await host.SendUpdateAsync(Group, TelegramUpdates.Update(mentioned));

        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", help.Text);
        Assert.Empty(unqueued);
        Assert.Contains(Sam2, confirmed.Text);
        Assert.Equal([Sam2], (await notes.QueuedAsync(default)).Select(n => n.Note.Title));
        Assert.Single(host.Arxiv.Requests);
    }

    [Fact]
    public async Task A_curators_tag_in_a_group_shows_posted_notes_only_and_in_private_the_queued_ones_too()
    {
        await using var host = await TelegramChatHost.StartAsync();
        await host.QueueAsync(NoteFactory.Paper("Posted paper", "2501.00001", ["llm"]));
        await host.PostAllQueuedAsync();
        await host.QueueAsync(NoteFactory.Paper("Secret queued paper", "2501.00002", ["llm"]));

        string?[] inGroup =
        [
            (await host.SendAsync(Group, "/tag llm", TelegramChatHost.Curator)).Text,
            (await host.SendAsync(Group, "/queue", TelegramChatHost.Curator)).Text,
        ];
        var inPrivate = (await host.SendAsync(TelegramChatHost.Curator, "/tag llm", TelegramChatHost.Curator)).Text;

        Assert.All(inGroup, text => Assert.DoesNotContain("Secret queued paper", text));
        Assert.StartsWith("<b>#llm: 1 note</b>", inGroup[0]);
        Assert.StartsWith("<b>Queued notes are shown only in a private chat with me", inGroup[1]);
        Assert.Matches("^<b>#llm: 2 notes</b>[\\s\\S]*Secret queued paper", inPrivate);
    }
}
