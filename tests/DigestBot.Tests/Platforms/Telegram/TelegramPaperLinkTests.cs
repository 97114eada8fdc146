using System.Globalization;
using DigestBot.Chat;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using DigestBot.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Curators queue papers by sending links; everyone else is turned away with nothing stored.</summary>
public sealed class TelegramPaperLinkTests
{
    private const long Curator = TelegramChatHost.Curator;
    private const long Reader = TelegramChatHost.Reader;
    private const string Sam2 = "SAM 2: Segment Anything in Images and Videos";

    public static TheoryData<string, string> UrlForms => new()
    {
        { "https://arxiv.org/abs/2408.00714", "2408.00714" },
        { "https://arxiv.org/abs/2408.00715v2", "2408.00715" },
        { "https://arxiv.org/pdf/2408.00716v1", "2408.00716" },
        { "arxiv.org/pdf/2408.00717.pdf", "2408.00717" },
        { "https://arxiv.org/html/2408.00718v1", "2408.00718" },
        { "http://export.arxiv.org/abs/2408.00719", "2408.00719" },
        { "https://huggingface.co/papers/2408.00720", "2408.00720" },
        { "https://hf.co/papers/2408.00721", "2408.00721" },
        { "https://www.alphaxiv.org/abs/2408.00722v3", "2408.00722" },
        { "https://arxiv.org/abs/0704.0001", "0704.0001" },
        { "https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001" },
        { "https://arxiv.org/pdf/math.GT/0309136", "math/0309136" },
    };

    [Fact]
    public async Task A_curator_queues_a_paper_by_every_url_form()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv =>
        {
            foreach (var (_, id) in UrlForms.Select(r => ((string)r[0], (string)r[1])))
            {
                arxiv.Add(TelegramChatHost.Paper(id, "Paper " + id));
            }
        });
        var store = host.Services.GetRequiredService<NoteStore>();

        var position = 0;
        foreach (var (url, id) in UrlForms.Select(r => ((string)r[0], (string)r[1])))
        {
            position++;
            var answer = await host.SendAsync(Curator, $"Look at this {url} — 좋은 논문 #LLM #rl_hf", Curator);

            Assert.StartsWith($"<b>Queued: Paper {id}</b>\n\nPosition {position} in the queue; goes out ", answer.Text);
            Assert.EndsWith(" Asia/Seoul.\nTags: #llm #rl-hf\nReply to this message to add commentary or #tags.", answer.Text);
            Assert.Empty(TelegramHtmlValidator.Problems(answer.Text!));
            var stored = (await store.QueuedAsync(default))[^1];
            Assert.Equal(($"Paper {id}", id, $"https://arxiv.org/abs/{id}"), (stored.Note.Title, stored.Note.ArxivId, stored.Note.PaperLink));
            Assert.Equal("Look at this — 좋은 논문", stored.Note.Commentary);
            Assert.Equal(["llm", "rl-hf"], stored.Note.Tags);
            Assert.Equal(["Ada Lovelace", "Alan Turing"], stored.Note.Authors);
            Assert.StartsWith("telegram:777/", stored.Note.Source.Location);
        }

        Assert.Equal(UrlForms.Count(), host.Arxiv.Requests.Count);
    }

    [Fact]
    public async Task Links_behind_link_text_and_in_forwarded_posts_are_found()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv =>
        {
            arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2));
            arxiv.Add(TelegramChatHost.Paper("2407.21783", "The Llama 3 Herd of Models"));
        });
        var textLink = TelegramUpdates.Message(Curator, Curator, "SAM 2 paper is out\n#video_segmentation", entities: ("text_link", 0, 11, "https://arxiv.org/abs/2408.00714v1"));
        var forwardedText = "New: https://huggingface.co/papers/2407.21783\nVery long report.";
        var forwarded = TelegramUpdates.ForwardedFromChannel(
            TelegramUpdates.Message(Curator, Curator, forwardedText, entities: ("url", 5, 40, null)), -1001112223334, "ML Papers", 77);

        var first = await host.SendUpdateAsync(Curator, TelegramUpdates.Update(textLink));
        var second = await host.SendUpdateAsync(Curator, TelegramUpdates.Update(forwarded));
        var queued = await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default);

        Assert.StartsWith($"<b>Queued: {Sam2}</b>", first.Text);
        Assert.StartsWith("<b>Queued: The Llama 3 Herd of Models</b>", second.Text);
        Assert.Equal(["2408.00714", "2407.21783"], queued.Select(n => n.Note.ArxivId));
        Assert.Equal(["SAM 2 paper is out", "New:\nVery long report."], queued.Select(n => n.Note.Commentary));
        Assert.Equal(["video-segmentation"], queued[0].Note.Tags);
    }

    [Fact]
    public async Task A_reply_to_the_confirmation_adds_commentary_and_tags()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        var confirmation = await host.SendAsync(Curator, "https://arxiv.org/abs/2408.00714\nFirst thoughts. #sam", Curator);
        var reply = TelegramUpdates.ReplyTo(
            TelegramUpdates.Message(Curator, Curator, "Second thoughts, with **bold**.\n#video_segmentation #SAM"),
            Curator,
            TelegramChatHost.AnswerId(confirmation),
            host.Telegram.BotId,
            "digest_test_bot",
            "Queued: " + Sam2);

        var answer = await host.SendUpdateAsync(Curator, TelegramUpdates.Update(reply));
        var note = Assert.Single(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));

        Assert.StartsWith($"<b>Updated: {Sam2}</b>\n\nCommentary added.\nTags added: #video-segmentation #sam\nPosition 1 in the queue; goes out ", answer.Text);
        Assert.Equal("First thoughts.\n\nSecond thoughts, with **bold**.", note.Note.Commentary);
        Assert.Equal(["sam", "video-segmentation"], note.Note.Tags);
    }

    [Fact]
    public async Task A_link_already_queued_or_posted_says_where_it_is()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        await host.SendAsync(Curator, "https://arxiv.org/abs/2408.00714", Curator);

        var queued = await host.SendAsync(Curator, "again: https://hf.co/papers/2408.00714 #dup", Curator);
        await host.PostAllQueuedAsync();
        var posted = await host.SendAsync(Curator, "https://arxiv.org/pdf/2408.00714v3", Curator);
        var notes = await host.Services.GetRequiredService<NoteStore>().ByTagAsync("dup", includeQueued: true, default);

        Assert.StartsWith($"<b>Already queued: {Sam2}</b>\n\n1. <b>{Sam2}</b>\n<a href=\"https://arxiv.org/abs/2408.00714\">arxiv.org/abs/2408.00714</a>\n<i>queued, goes out ", queued.Text);
        Assert.Contains("</i>\n\nPosition 1 in the queue; goes out ", queued.Text);
        Assert.EndsWith("Nothing was queued twice.", queued.Text);
        Assert.StartsWith($"<b>Already posted: {Sam2}</b>\n\n1. <b>{Sam2}</b> · ", posted.Text);
        Assert.Contains("<a href=\"https://t.me/digest_channel/1\">post</a>", posted.Text);
        Assert.Empty(notes);
        Assert.Single(host.Arxiv.Requests);
    }

    [Fact]
    public async Task Anyone_else_sending_a_link_is_refused_and_nothing_is_stored()
    {
        await using var host = await TelegramChatHost.StartAsync(papers: arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));

        var refused = await host.SendAsync(Reader, "please post https://arxiv.org/abs/2408.00714 #llm");
        host.Telegram.EnqueueMessage(-4001, "https://arxiv.org/abs/2408.00714", Reader);
        await host.SendAsync(-4001, "/help");

        Assert.Equal(
            "<b>Sorry, only the channel's curators can queue papers.</b>\n\nYou can look up what has been posted with /tag, /tags and /search.",
            refused.Text);
        Assert.Single(host.MessagesTo(-4001));
        Assert.Empty(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));
        Assert.Empty(await host.Services.GetRequiredService<NoteStore>().TagsAsync(includeQueued: true, default));
        Assert.Empty(host.Arxiv.Requests);
    }

    [Fact]
    public async Task An_arxiv_error_entry_queues_nothing_and_says_why()
    {
        await using var host = await TelegramChatHost.StartAsync();

        var answer = await host.SendAsync(Curator, "https://arxiv.org/abs/2408.99999", Curator);

        Assert.Equal(
            "<b>arXiv has no paper 2408.99999: id not found: 2408.99999.</b>\n\nNothing was queued. Check the link and send it again.",
            answer.Text);
        Assert.Empty(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));
    }

    [Fact]
    public async Task When_arxiv_is_down_the_note_waits_with_metadata_pending_and_is_completed_when_it_is_back()
    {
        await using var host = await TelegramChatHost.StartAsync(
            new Dictionary<string, string> { ["Sources:BackfillInterval"] = "00:00:00.200" },
            arxiv => arxiv.Add(TelegramChatHost.Paper("2408.00714", Sam2)));
        host.Arxiv.FailNext(1, FakeArxivFailure.ServiceUnavailable);
        host.Arxiv.FailNext(1, FakeArxivFailure.RateExceededText);
        host.Arxiv.FailNext(1, FakeArxivFailure.TooManyRequests);

        var pending = await host.SendAsync(Curator, "https://arxiv.org/abs/2408.00714 Worth a look #sam", Curator);
        var fetched = await host.NextMessageAsync(Curator.ToString(CultureInfo.InvariantCulture), 1);
        var note = Assert.Single(await host.Services.GetRequiredService<NoteStore>().QueuedAsync(default));
        var taken = await host.Services.GetRequiredService<DeliveryStore>().TakeForSlotAsync(1, [], null, default);

        Assert.StartsWith(
            "<b>Queued arXiv 2408.00714 with its metadata pending.</b>\n\narXiv could not be reached (arXiv is throttling requests (HTTP 503); try again in a minute).\n"
            + "I keep trying in the background; the note is not posted until it has its title, authors and abstract.\nPosition 1 in the queue; goes out ",
            pending.Text);
        Assert.StartsWith($"<b>Metadata fetched: {Sam2}</b>\n\nPosition 1 in the queue; goes out ", fetched.Text);
        Assert.Equal(TelegramChatHost.AnswerId(pending), fetched.ReplyToMessageId);
        Assert.Equal((Sam2, "Worth a look", 4), (note.Note.Title, note.Note.Commentary, host.Arxiv.Requests.Count));
        Assert.Equal(["Ada Lovelace", "Alan Turing"], note.Note.Authors);
        Assert.Equal(note.Id, Assert.Single(taken).Id);
    }
}
