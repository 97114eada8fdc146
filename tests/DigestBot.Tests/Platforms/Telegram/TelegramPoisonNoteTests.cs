using System.Globalization;
using DigestBot.Publishing;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// A curator's link, a reply to its confirmation, or metadata arriving late never store a note that no platform can
/// take: the curator is told what to shorten, through the fake Telegram and the real host.
/// </summary>
public sealed class TelegramPoisonNoteTests
{
    private const long Curator = TelegramChatHost.Curator;
    private const string Sam2 = "SAM 2: Segment Anything in Images and Videos";

    private static readonly string TooDeepInChat = $"The note \"{Sam2}\" cannot be rendered: its commentary nests quotes (&gt;), lists, brackets or emphasis (*) too deeply for Markdown; nest them less, or write those lines as plain text.";

    /// <summary>About 4,000 characters: one Telegram message from the curator, two once the paper's fields are added.</summary>
    private static readonly string LongCommentary = string.Concat(Enumerable.Repeat("비디오 분할을 위한 데이터 엔진과 메모리 모듈. ", 150)).TrimEnd();

    public static TheoryData<string> TooDeep => new() { PoisonNotes.DeepQuote, PoisonNotes.DeepEmphasis };

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task A_link_with_commentary_nested_too_deeply_queues_nothing_and_says_what_to_change(string commentary)
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        var store = host.Services.GetRequiredService<NoteStore>();

        var answer = await host.SendAsync(Curator, $"https://arxiv.org/abs/2408.00714\n좋은 논문입니다.\n{commentary}\n#sam", Curator);

        Assert.Equal($"<b>Nothing was queued.</b>\n\n{TooDeepInChat}", answer.Text);
        Assert.Empty(await store.QueuedAsync(default));
        Assert.Empty(await store.TagsAsync(includeQueued: true, default));
    }

    [Fact]
    public async Task A_link_whose_note_would_take_more_than_Notes_MaxMessages_queues_nothing_and_says_to_shorten_the_commentary()
    {
        await using var host = await TelegramChatHost.StartAsync(
            new Dictionary<string, string> { ["Notes:MaxMessages"] = "1" },
            arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));

        var answer = await host.SendAsync(Curator, $"https://arxiv.org/abs/2408.00714 {LongCommentary} #sam", Curator);

        Assert.Equal(
            $"<b>Nothing was queued.</b>\n\nThe note \"{Sam2}\" would need 2 Telegram messages (the limit is Notes:MaxMessages = 1); shorten your commentary.",
            answer.Text);
        Assert.Empty(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));
    }

    [Fact]
    public async Task A_reply_that_would_make_the_note_unpostable_adds_nothing_and_says_why()
    {
        await using var host = await TelegramChatHost.StartAsync(
            new Dictionary<string, string> { ["Notes:MaxMessages"] = "1" },
            arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        var confirmation = await host.SendAsync(Curator, "https://arxiv.org/abs/2408.00714\n첫 생각. #sam", Curator);

        var tooDeep = await host.SendUpdateAsync(Curator, ReplyTo(host, confirmation, PoisonNotes.DeepQuote + "\n#deep"));
        var tooLong = await host.SendUpdateAsync(Curator, ReplyTo(host, confirmation, LongCommentary + "\n#long"));
        var note = Assert.Single(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));

        Assert.Equal($"<b>Nothing was added.</b>\n\n{TooDeepInChat}", tooDeep.Text);
        Assert.Equal(
            $"<b>Nothing was added.</b>\n\nThe note \"{Sam2}\" would need 2 Telegram messages (the limit is Notes:MaxMessages = 1); shorten your reply.",
            tooLong.Text);
        Assert.Equal("첫 생각.", note.Note.Commentary);
        Assert.Equal(["sam"], note.Note.Tags);
    }

    [Fact]
    public async Task Metadata_that_arrives_late_and_makes_the_note_unpostable_leaves_it_unposted_and_tells_the_curator()
    {
        var longAbstract = string.Concat(Enumerable.Repeat("We study promptable visual segmentation in images and videos at length. ", 60)).TrimEnd();
        await using var host = await TelegramChatHost.StartAsync(
            new Dictionary<string, string> { ["Notes:MaxMessages"] = "1", ["Sources:BackfillInterval"] = "00:00:00.200" },
            arxiv => arxiv.Add(new PaperMetadata("2408.00714", Sam2, ["Nikhila Ravi"], longAbstract, new Uri("https://arxiv.org/abs/2408.00714"), null, ["cs.CV"])));
        host.Arxiv.FailNext(1, FakeArxivFailure.ServiceUnavailable);

        var pending = await host.SendAsync(Curator, $"https://arxiv.org/abs/2408.00714 {LongCommentary[..3000]} #sam", Curator);
        var told = await host.NextMessageAsync(Curator.ToString(CultureInfo.InvariantCulture), 1);
        var taken = await host.Services.GetRequiredService<DeliveryStore>().TakeForSlotAsync(1, [], null, default);

        Assert.StartsWith("<b>Queued arXiv 2408.00714 with its metadata pending.</b>", pending.Text);
        Assert.StartsWith("<b>arXiv sent the metadata of 2408.00714, but the note cannot be posted.</b>\n\nThe note \"" + Sam2 + "\" would need 2 Telegram messages (the limit is Notes:MaxMessages = 1); shorten its commentary.\nThe note stays unposted.", told.Text);
        Assert.Equal(TelegramChatHost.AnswerId(pending), told.ReplyToMessageId);
        Assert.Empty(taken);
    }

    private static System.Text.Json.Nodes.JsonObject ReplyTo(TelegramChatHost host, FakeTelegramCall confirmation, string text) =>
        TelegramUpdates.Update(TelegramUpdates.ReplyTo(
            TelegramUpdates.Message(Curator, Curator, text),
            Curator,
            TelegramChatHost.AnswerId(confirmation),
            host.Telegram.BotId,
            "digest_test_bot",
            "Queued: " + Sam2));
}
