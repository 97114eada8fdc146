using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Notes;
using DigestBot.Platforms.Slack;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The App Home through the real host and the fake Slack: published on open, and its Subscribe/Unsubscribe buttons.</summary>
public sealed class SlackAppHomeTests
{
    [Fact]
    public async Task Opening_the_Home_publishes_the_newest_posts_the_tags_and_the_reader_s_own_subscription()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<NoteStore>().ImportAsync(SampleDigest.Notes(), CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(6, CancellationToken.None);
        await host.Get<SubscriptionStore>().SubscribeAsync("slack", SlackBotHost.Stranger, "video-segmentation", CancellationToken.None);
        var samPost = fake.Posts.Single(p => ((string?)p.Body["text"])!.StartsWith("SAM 2", StringComparison.Ordinal));

        using var response = await host.EventAsync("Ev0HOME01", HomeOpened(SlackBotHost.Stranger));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (user, view) = fake.PublishedViews[0];
        var text = view.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(SlackBotHost.Stranger, user);
        Assert.Empty(FakeSlackServer.ViewProblems(new JsonObject { ["user_id"] = user, ["view"] = view.DeepClone() }));
        Assert.Contains($"<https://digest-fake.slack.com/archives/{FakeSlackServer.Channel}/p{samPost.Ts!.Replace(".", "")}|SAM 2: Segment Anything in Images and Videos>", text, StringComparison.Ordinal);
        Assert.Contains("You receive new posts tagged #video-segmentation.", text, StringComparison.Ordinal);
        Assert.Equal(("Unsubscribe", "home_unsubscribe"), Button(view, "#video-segmentation — 1 post"));
        Assert.Equal(("Subscribe", "home_subscribe"), Button(view, "#dataset — 1 post"));
        Assert.DoesNotContain(SlackAppTexts.HomeQueue, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_and_Unsubscribe_change_the_presser_s_own_subscription_and_publish_the_Home_again()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<NoteStore>().ImportAsync(SampleDigest.Notes(), CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(6, CancellationToken.None);
        var store = host.Get<SubscriptionStore>();

        using var subscribe = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.SubscribeAction, "video-segmentation", responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);
        var subscribed = await store.FindAsync("slack", SlackBotHost.Stranger, CancellationToken.None);
        var afterSubscribe = fake.PublishedViews[0].View;

        using var second = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.SubscribeAction, "dataset", responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 2);
        using var unsubscribe = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.UnsubscribeAction, "video-segmentation", responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 3);
        var afterUnsubscribe = await store.FindAsync("slack", SlackBotHost.Stranger, CancellationToken.None);

        Assert.Equal(["video-segmentation"], subscribed!.Tags);
        Assert.Equal(("Unsubscribe", "home_unsubscribe"), Button(afterSubscribe, "#video-segmentation — 1 post"));
        Assert.Equal(["dataset"], afterUnsubscribe!.Tags);
        Assert.Equal(("Subscribe", "home_subscribe"), Button(fake.PublishedViews[2].View, "#video-segmentation — 1 post"));
        Assert.All(fake.PublishedViews, v => Assert.Equal(SlackBotHost.Stranger, v.UserId));
        Assert.Null(await store.FindAsync("slack", SlackBotHost.Curator, CancellationToken.None));

        using var everything = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.UnsubscribeAction, SlackHomeView.Everything, responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 4);
        Assert.Null(await store.FindAsync("slack", SlackBotHost.Stranger, CancellationToken.None));
    }

    [Fact]
    public async Task A_subscription_made_in_the_Home_receives_posts_in_the_reader_s_Messages_tab()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Tagged paper", "2408.00301", ["llm"]), NoteFactory.Paper("Other paper", "2408.00302", ["vision"])], CancellationToken.None);

        using var subscribe = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.SubscribeAction, "llm", responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);
        await host.Get<Publisher>().PublishNextAsync(2, CancellationToken.None);

        var mine = fake.Posts.Where(p => (string?)p.Body["channel"] == SlackBotHost.Stranger).Select(p => (string?)p.Body["text"]).ToList();
        Assert.Single(mine);
        Assert.StartsWith("Tagged paper", mine[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dataset scaling-law")]
    [InlineData("Dataset")]
    [InlineData("")]
    public async Task A_Home_button_whose_value_is_not_one_tag_changes_nothing(string value)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackHomeView.SubscribeAction, value, responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);

        Assert.Null(await host.Get<SubscriptionStore>().FindAsync("slack", SlackBotHost.Stranger, CancellationToken.None));
    }

    [Fact]
    public async Task A_curator_s_Home_lists_the_queue_and_over_Socket_Mode_opening_it_publishes_it()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode());
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Waiting paper", "2408.00401", ["llm"])], CancellationToken.None);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-home", SlackBotHost.Callback("Ev0HOME02", HomeOpened(SlackBotHost.Curator))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.PublishedViews.Count == 1);

        var text = fake.PublishedViews[0].View.ToJsonString();
        Assert.Contains(SlackAppTexts.HomeQueue, text, StringComparison.Ordinal);
        Assert.Contains("Waiting paper", text, StringComparison.Ordinal);
        Assert.Contains(SlackAppTexts.HomeNothingPosted, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_messages_tab_opening_publishes_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var opened = HomeOpened(SlackBotHost.Stranger);
        opened["tab"] = "messages";

        using var response = await host.EventAsync("Ev0HOME03", opened);
        await host.EventAsync("Ev0HOME04", HomeOpened(SlackBotHost.Curator));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);

        Assert.Equal(SlackBotHost.Curator, fake.PublishedViews.Single().UserId);
    }

    [Fact]
    public void Hundreds_of_tags_and_a_long_queue_stay_within_100_blocks_and_say_how_many_more()
    {
        var tags = Enumerable.Range(0, 300).Select(i => new TagCount($"태그-{i}", i + 1, 0)).ToList();
        var newest = Enumerable.Range(0, 10).Select(i => new SlackHomePost(new string('긴', 4000) + " @channel <!here>", "https://digest-fake.slack.com/archives/C1/p" + i, "https://arxiv.org/abs/2408.0000" + i)).ToList();
        var queue = Enumerable.Range(0, 50).Select(i => (Block)new SectionBlock(new MrkdwnText("queued " + i))).ToList();

        var view = SlackHomeView.Build(newest, tags, new Subscription("slack", "U1", ["태그-3"]), queue);
        var json = System.Text.Json.JsonSerializer.SerializeToNode(new DigestBot.Platforms.Slack.WebApi.ViewsPublishRequest("U1", view), SlackWebApiJsonContext.Default.ViewsPublishRequest)!.AsObject();

        Assert.Empty(FakeSlackServer.ViewProblems(json));
        Assert.InRange(view.Blocks.Count, 1, 100);
        var contexts = view.Blocks.OfType<ContextBlock>().Select(c => c.Elements[0].Text).ToList();
        Assert.Contains($"… and {300 - (SlackHomeView.MaxTags - 1)} more.", contexts);
        Assert.Contains($"… and {50 - (SlackHomeView.MaxQueueBlocks - 1)} more.", contexts);
        Assert.DoesNotContain("<!here>", json.ToJsonString(), StringComparison.Ordinal);
    }

    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D0DIRECT01",
        ["tab"] = "home",
        ["event_ts"] = "1772352000.000700",
    };

    /// <summary>The label and action of the button beside the section whose text is <paramref name="line"/>.</summary>
    private static (string Text, string ActionId) Button(JsonObject view, string line)
    {
        var section = view["blocks"]!.AsArray().Single(b => (string?)b!["text"]?["text"] == line)!;
        return ((string)section["accessory"]!["text"]!["text"]!, (string)section["accessory"]!["action_id"]!);
    }
}
