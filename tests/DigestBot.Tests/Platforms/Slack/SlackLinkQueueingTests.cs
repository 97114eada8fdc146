using System.Net;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using DigestBot.Tests.Sources;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Queueing by link from Slack, through the real host, the shared intake and a fake arXiv.</summary>
public sealed class SlackLinkQueueingTests
{
    internal static readonly PaperMetadata Sam2 = new(
        "2408.00714",
        "SAM 2: Segment Anything in Images and Videos",
        ["Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu"],
        "We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation in images and videos.",
        new Uri("https://arxiv.org/abs/2408.00714"),
        new DateTimeOffset(2024, 8, 1, 17, 0, 8, TimeSpan.Zero),
        ["cs.CV"]);

    [Fact]
    public async Task A_curator_s_mention_with_a_link_is_queued_and_confirmed_in_its_thread_and_a_thread_reply_adds_to_it()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var arxiv = await FakeArxivServer.StartAsync();
        arxiv.Add(Sam2);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Sources:ArxivApiUrl"] = arxiv.ApiUrl.ToString() });

        using var response = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback("Ev0CURATE1", SlackBotHost.Mention(
                SlackBotHost.Curator,
                "<https://arxiv.org/abs/2408.00714|arxiv.org/abs/2408.00714>\nSAM 2가 나왔군요. 비디오에 대한 확장입니다.\n#Video_Segmentation",
                "1772352000.000700")).ToJsonString(),
            "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 1);
        var inThread = SlackBotHost.Mention(SlackBotHost.Curator, "데이터 엔진이 핵심. #dataset", "1772352000.000800");
        inThread["thread_ts"] = "1772352000.000700";
        using var amend = await host.PostSignedAsync("/slack/events", SlackBotHost.Callback("Ev0CURATE2", inThread).ToJsonString(), "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 2);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (confirmation, amended) = (fake.Posts[0], fake.Posts[1]);
        Assert.Equal(("1772352000.000700", "1772352000.000700"), (confirmation.ThreadTs, amended.ThreadTs));
        Assert.Equal("Queued: SAM 2: Segment Anything in Images and Videos", (string?)confirmation.Body["text"]);
        Assert.Contains("Tags: #video-segmentation", SlackBlockKitChecker.VisibleText(confirmation.Json));
        Assert.Equal("Updated: SAM 2: Segment Anything in Images and Videos", (string?)amended.Body["text"]);
        Assert.All(fake.Posts, p => Assert.Empty(p.BlockKitProblems));

        var queued = Assert.Single(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
        Assert.Equal(("2408.00714", "https://arxiv.org/abs/2408.00714"), (queued.Note.ArxivId, queued.Note.PaperLink));
        Assert.Equal(["Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu"], queued.Note.Authors);
        Assert.Contains("SAM 2가 나왔군요. 비디오에 대한 확장입니다.", queued.Note.Commentary);
        Assert.Contains("데이터 엔진이 핵심.", queued.Note.Commentary);
        Assert.Equal(["video-segmentation", "dataset"], queued.Note.Tags);
        Assert.Equal($"slack:{FakeSlackServer.Channel}/1772352000.000700", queued.Note.Source.Location);
    }

    [Fact]
    public async Task A_stranger_s_link_is_refused_politely_in_a_channel_and_in_a_direct_message_and_nothing_is_stored()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        await using var arxiv = await FakeArxivServer.StartAsync();
        arxiv.Add(Sam2);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Sources:ArxivApiUrl"] = arxiv.ApiUrl.ToString() });

        using var mention = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback("Ev0STRANGE", SlackBotHost.Mention(SlackBotHost.Stranger, "<https://arxiv.org/abs/2408.00714|arxiv.org/abs/2408.00714> great paper #video-segmentation", "1772352000.000300")).ToJsonString(),
            "application/json");
        using var direct = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback("Ev0STRANG2", SlackBotHost.DirectMessage(SlackBotHost.Stranger, "<https://huggingface.co/papers/2408.00714>", "1772352000.000310")).ToJsonString(),
            "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 2);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (mention.StatusCode, direct.StatusCode));
        var replies = fake.Posts.OrderBy(p => p.ThreadTs).ToList();
        Assert.Equal([("1772352000.000300", FakeSlackServer.Channel), ("1772352000.000310", "D0DIRECT01")], replies.Select(r => (r.ThreadTs, r.Channel)));
        Assert.All(replies, r => Assert.Contains("only the channel's curators can queue papers", SlackBlockKitChecker.VisibleText(r.Json)));
        Assert.Empty(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
        Assert.Empty(arxiv.Requests);
    }
}
