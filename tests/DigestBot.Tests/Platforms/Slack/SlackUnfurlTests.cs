using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Platforms.Slack;
using DigestBot.Publishing;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using DigestBot.Tests.Sources;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Unfurls of paper links through the real host, the fake Slack and a fake arXiv: <c>link_shared</c> → <c>chat.unfurl</c>, and Queue it.</summary>
public sealed class SlackUnfurlTests : IAsyncLifetime
{
    private const string SamAbs = "https://arxiv.org/abs/2408.00714";

    private static readonly PaperMetadata Sam2 = SlackLinkQueueingTests.Sam2;

    private readonly TempFolder folder = new();
    private FakeSlackServer fake = null!;
    private FakeArxivServer arxiv = null!;
    private SlackBotHost? host;

    public async Task InitializeAsync()
    {
        fake = await FakeSlackServer.StartAsync();
        arxiv = await FakeArxivServer.StartAsync();
        arxiv.Add(Sam2);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await arxiv.DisposeAsync();
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task A_posted_paper_unfurls_with_its_authors_our_commentary_s_first_lines_and_a_link_to_our_channel_post()
    {
        var host = await StartAsync();
        var commentary = "**SAM 2**가 나왔군요. 비디오에 대한 확장입니다.\n\n데이터 엔진이 *핵심*이에요.\n\n셋째 문단이에요.\n\n넷째 문단은 미리보기에 없어요.";
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("SAM 2: Segment Anything in Images and Videos", "2408.00714", ["video-segmentation"], commentary)], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var post = fake.Posts.Single();
        var link = "https://huggingface.co/papers/2408.00714";

        using var response = await host.EventAsync("Ev0UNFURL1", LinkShared(SlackBotHost.Stranger, link));
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = fake.Calls.Single(c => c.Method == "chat.unfurl");
        Assert.Equal((FakeSlackServer.Channel, "1772352000.000500"), ((string?)call.Body["channel"], (string?)call.Body["ts"]));
        var blocks = fake.Unfurls[0][link];
        Assert.Equal("*SAM 2: Segment Anything in Images and Videos*", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("Ada Lovelace, Alan Turing", (string?)blocks[1]!["elements"]![0]!["text"]);
        Assert.Equal(("plain_text", "SAM 2가 나왔군요. 비디오에 대한 확장입니다.\n데이터 엔진이 핵심이에요.\n셋째 문단이에요.\n…"), ((string?)blocks[2]!["text"]!["type"], (string?)blocks[2]!["text"]!["text"]));
        Assert.Equal($"<https://digest-fake.slack.com/archives/{FakeSlackServer.Channel}/p{post.Ts!.Replace(".", "")}|DigestBot post>", (string?)blocks[3]!["elements"]![0]!["text"]);
        Assert.Equal(4, blocks.Count);
    }

    [Fact]
    public async Task A_curator_s_link_to_a_paper_we_do_not_have_unfurls_from_arXiv_with_Queue_it_and_other_links_are_left_alone()
    {
        var host = await StartAsync();

        using var curator = await host.EventAsync("Ev0UNFURL2", LinkShared(SlackBotHost.Curator, SamAbs + "v2", "https://arxiv.org/list/cs.CV/recent", "https://huggingface.co/datasets/open"));
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 1);
        using var stranger = await host.EventAsync("Ev0UNFURL3", LinkShared(SlackBotHost.Stranger, "https://www.alphaxiv.org/abs/2408.00714"));
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 2);

        var forCurator = Assert.Single(fake.Unfurls[0]);
        Assert.Equal(SamAbs + "v2", forCurator.Key);
        Assert.Equal("*SAM 2: Segment Anything in Images and Videos*", (string?)forCurator.Value[0]!["text"]!["text"]);
        Assert.Equal("Nikhila Ravi, Valentin Gabeur, Yuan-Ting Hu", (string?)forCurator.Value[1]!["elements"]![0]!["text"]);
        var button = forCurator.Value[^1]!["elements"]![0]!;
        Assert.Equal(("Queue it", SlackUnfurlView.QueueAction, "2408.00714"), ((string?)button["text"]!["text"], (string?)button["action_id"], (string?)button["value"]));
        var forStranger = fake.Unfurls[1]["https://www.alphaxiv.org/abs/2408.00714"];
        Assert.DoesNotContain(forStranger, b => (string?)b!["type"] == "actions");
        Assert.Single(arxiv.Requests);
        Assert.Empty(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Links_that_are_not_papers_are_not_unfurled()
    {
        var host = await StartAsync();

        using var response = await host.EventAsync("Ev0UNFURL4", LinkShared(SlackBotHost.Curator, "https://arxiv.org/list/cs.CV/recent", "https://huggingface.co/meta-llama", "https://www.alphaxiv.org/"));
        await Eventually.TrueAsync(() => Task.FromResult(host.Get<SlackBackgroundWork>().Unfinished == 0), "the event's work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.unfurl");
    }

    [Fact]
    public async Task A_flood_of_links_in_one_message_previews_at_most_five_papers_and_asks_arXiv_no_more()
    {
        var links = Enumerable.Range(1, 12).Select(i => $"https://arxiv.org/abs/2501.{i:00000}").ToArray();
        foreach (var i in Enumerable.Range(1, 12))
        {
            arxiv.Add(Sam2 with { ArxivId = $"2501.{i:00000}", Title = $"Paper {i}", AbsUrl = new Uri(links[i - 1]) });
        }

        var host = await StartAsync();

        using var response = await host.EventAsync("Ev0UNFURL5", LinkShared(SlackBotHost.Stranger, links));
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 1);

        Assert.Equal(links[..SlackUnfurls.MaxPapers], fake.Unfurls[0].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SlackUnfurls.MaxPapers, arxiv.Requests.Count);
    }

    [Fact]
    public async Task Over_Socket_Mode_a_shared_link_unfurls_too()
    {
        var host = await StartAsync(SlackBotHost.SocketMode());
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Socket paper", "2408.00714")], CancellationToken.None);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-unfurl", SlackBotHost.Callback("Ev0UNFURL6", LinkShared(SlackBotHost.Curator, SamAbs))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.Unfurls.Count == 1);

        var blocks = fake.Unfurls[0][SamAbs];
        Assert.Equal("*Socket paper*", (string?)blocks[0]!["text"]!["text"]);
        // Queued, not posted: no commentary, no post link, and no Queue it for a paper we have.
        Assert.Equal(2, blocks.Count);
    }

    [Fact]
    public async Task A_curator_s_Queue_it_queues_the_paper_and_a_second_press_says_it_is_queued_already()
    {
        var host = await StartAsync();

        using var pressed = await host.InteractAsync(QueueIt(SlackBotHost.Curator, "2408.00714", fake.ResponseUrl("unfurl-1")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);
        using var again = await host.InteractAsync(QueueIt(SlackBotHost.Curator, "2408.00714", fake.ResponseUrl("unfurl-2")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 2);

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var (first, second) = (fake.ResponseUrlPosts[0].Body, fake.ResponseUrlPosts[1].Body);
        Assert.Equal("Queued: SAM 2: Segment Anything in Images and Videos", (string?)first["text"]);
        Assert.Equal(("ephemeral", false), ((string?)first["response_type"], (bool?)first["replace_original"]));
        Assert.Equal("Already queued: SAM 2: Segment Anything in Images and Videos", (string?)second["text"]);
        var queued = Assert.Single(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
        Assert.Equal(("2408.00714", "https://arxiv.org/abs/2408.00714"), (queued.Note.ArxivId, queued.Note.PaperLink));
        Assert.Equal(["Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu"], queued.Note.Authors);

        using var queue = await host.CommandAsync("/queue", "", SlackBotHost.Curator);
        Assert.Contains("SAM 2: Segment Anything in Images and Videos", await queue.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_s_Queue_it_is_refused_with_a_sentence_and_queues_nothing()
    {
        var host = await StartAsync();

        using var pressed = await host.InteractAsync(QueueIt(SlackBotHost.Stranger, "2408.00714", fake.ResponseUrl("unfurl-3")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);

        Assert.Equal("Sorry, only the channel's curators can queue papers.", (string?)fake.ResponseUrlPosts[0].Body["text"]);
        Assert.Empty(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
        Assert.Empty(arxiv.Requests);
    }

    [Theory]
    [InlineData("2408.00714 2408.00715")]
    [InlineData("../../etc/passwd")]
    [InlineData("")]
    public async Task A_Queue_it_whose_value_is_not_one_arXiv_id_queues_nothing_and_says_the_button_no_longer_works(string value)
    {
        var host = await StartAsync();

        using var pressed = await host.InteractAsync(QueueIt(SlackBotHost.Curator, value, fake.ResponseUrl("unfurl-4")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);

        Assert.Equal("This button no longer works; send the command again.", (string?)fake.ResponseUrlPosts[0].Body["text"]);
        Assert.Empty(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Forged_link_shared_events_and_Queue_it_presses_are_refused_before_any_work()
    {
        var host = await StartAsync();
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Stored paper", "2408.00714")], CancellationToken.None);

        using var forgedEvent = await host.PostSignedAsync(
            "/slack/events", SlackBotHost.Callback("Ev0FORGED1", LinkShared(SlackBotHost.Curator, SamAbs)).ToJsonString(), "application/json", secret: "not-the-signing-secret");
        using var forgedPress = await host.InteractAsync(QueueIt(SlackBotHost.Curator, "2408.00715", fake.ResponseUrl("unfurl-5")), secret: "not-the-signing-secret");
        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StringContent(SlackBotHost.Callback("Ev0FORGED2", LinkShared(SlackBotHost.Curator, SamAbs)).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        using var noSignature = await host.Http.SendAsync(unsigned);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
            (forgedEvent.StatusCode, forgedPress.StatusCode, noSignature.StatusCode));
        Assert.Equal(0, host.Get<SlackBackgroundWork>().Unfinished);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "chat.unfurl");
        Assert.Empty(fake.ResponseUrlPosts);
        Assert.Single(await host.Get<NoteStore>().QueuedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_link_typed_in_the_composer_unfurls_by_its_unfurl_id_before_the_message_is_posted()
    {
        var host = await StartAsync();
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("SAM 2: Segment Anything in Images and Videos", "2408.00714", ["video-segmentation"], "SAM 2가 나왔군요.")], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var typed = LinkShared(SlackBotHost.Stranger, SamAbs);
        typed["source"] = "composer";
        typed["unfurl_id"] = "D0READER01.composer.7f3a";
        typed["channel"] = "COMPOSER";
        typed["message_ts"] = "1772352000.000700";

        using var response = await host.EventAsync("Ev0COMPOSER1", typed);
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = fake.Calls.Single(c => c.Method == "chat.unfurl");
        Assert.Equal(("D0READER01.composer.7f3a", "composer"), ((string?)call.Body["unfurl_id"], (string?)call.Body["source"]));
        Assert.Null(call.Body["channel"]);
        Assert.Null(call.Body["ts"]);
        Assert.Equal("*SAM 2: Segment Anything in Images and Videos*", (string?)fake.Unfurls[0][SamAbs][0]!["text"]!["text"]);
    }

    [Fact]
    public async Task A_chat_unfurl_Slack_refuses_is_not_retried_and_the_next_shared_link_still_unfurls()
    {
        var host = await StartAsync();
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("SAM 2: Segment Anything in Images and Videos", "2408.00714", ["video-segmentation"], "SAM 2가 나왔군요.")], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var elsewhere = LinkShared(SlackBotHost.Stranger, SamAbs);
        elsewhere["channel"] = "D0READER01";
        elsewhere["is_bot_user_member"] = false;

        using var refused = await host.EventAsync("Ev0REFUSED1", elsewhere);
        await fake.WaitUntilAsync(f => f.Calls.Any(c => c.Method == "chat.unfurl" && c.Error == "channel_not_found"));
        using var accepted = await host.EventAsync("Ev0ACCEPTED1", LinkShared(SlackBotHost.Stranger, SamAbs));
        await fake.WaitUntilAsync(f => f.Unfurls.Count == 1);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, fake.Calls.Count(c => c.Method == "chat.unfurl"));
        Assert.Equal(FakeSlackServer.Channel, (string?)fake.Calls.Last(c => c.Method == "chat.unfurl").Body["channel"]);
    }

    [Fact]
    public void The_commentary_s_first_lines_are_cut_at_a_character_boundary_and_say_so()
    {
        var emoji = string.Concat(Enumerable.Repeat("🎬", 400));

        var lines = SlackUnfurlView.FirstLines(emoji + "\n\nsecond");

        Assert.InRange(lines.Length, 2, SlackUnfurlView.MaxCommentaryLength);
        Assert.EndsWith("…", lines, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(lines[^2]));
        Assert.Equal(lines.Length - 1, lines.TrimEnd('…').Length);
    }

    /// <summary>The real host against the fakes, with arXiv at the fake's address; disposed with the test.</summary>
    private async Task<SlackBotHost> StartAsync(Dictionary<string, string>? settings = null)
    {
        var values = settings ?? [];
        values["Sources:ArxivApiUrl"] = arxiv.ApiUrl.ToString();
        host = await SlackBotHost.StartAsync(folder, fake, values);
        return host;
    }

    private static JsonObject LinkShared(string user, params string[] urls) => new()
    {
        ["type"] = "link_shared",
        ["channel"] = FakeSlackServer.Channel,
        ["is_bot_user_member"] = true,
        ["user"] = user,
        ["message_ts"] = "1772352000.000500",
        ["unfurl_id"] = "C0DIGEST01.1772352000.000500.abc",
        ["source"] = "conversations_history",
        ["links"] = new JsonArray([.. urls.Select(u => (JsonNode)new JsonObject { ["domain"] = new Uri(u).Host, ["url"] = u })]),
        ["event_ts"] = "1772352000.000600",
    };

    /// <summary>A press of Queue it under an unfurl: Slack sends the message's channel and a <c>response_url</c>.</summary>
    private static JsonObject QueueIt(string user, string value, string responseUrl)
    {
        var payload = SlackBotHost.BlockActions(user, SlackUnfurlView.QueueAction, value, responseUrl);
        payload["container"] = new JsonObject
        {
            ["type"] = "message_attachment",
            ["message_ts"] = "1772352000.000500",
            ["channel_id"] = FakeSlackServer.Channel,
            ["is_app_unfurl"] = true,
            ["app_unfurl_url"] = SamAbs,
        };
        return payload;
    }
}
