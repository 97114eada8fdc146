using DigestBot.Chat;
using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Platforms.Slack;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary><c>/subscribe</c> and <c>/unsubscribe</c> from Slack, through the real host, posting to the fake Slack.</summary>
public sealed class SlackSubscriptionTests
{
    private const string VideoChannel = "C0VIDEO001";
    private const string AllChannel = "C0ALLPOST1";

    [Fact]
    public async Task A_subscribed_channel_receives_the_posts_with_its_tag_until_it_unsubscribes()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AddChannel(VideoChannel);
        fake.AddChannel(AllChannel);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        // As if the configured channel had subscribed before it became Slack:Channel: it must still get each post once.
        await host.Get<SubscriptionStore>().SubscribeAsync("slack", FakeSlackServer.Channel, null, CancellationToken.None);

        var video = await AnswerAsync(host, "/subscribe", "#video_segmentation", VideoChannel);
        var all = await AnswerAsync(host, "/digest", "subscribe", AllChannel);
        var inConfigured = await AnswerAsync(host, "/subscribe", "", FakeSlackServer.Channel);
        var keys = await DestinationKeysAsync(host);
        await host.Get<NoteStore>().ImportAsync(
            [NoteFactory.Paper("A segmentation paper", "2502.00001", ["video-segmentation"]), NoteFactory.Paper("A language paper", "2502.00002", ["llm"])],
            CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(2, CancellationToken.None);
        var postedBefore = Titles(fake);
        var unfinished = await host.Get<DeliveryStore>().UnfinishedAsync(CancellationToken.None);

        var stop = await AnswerAsync(host, "/unsubscribe", "", VideoChannel);
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Another segmentation paper", "2502.00003", ["video-segmentation"])], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);

        Assert.Equal("ephemeral", (string?)video["response_type"]);
        Assert.Equal("Subscribed: this chat will receive new posts tagged #video-segmentation.", (string?)video["text"]);
        // The bot is in both channels (Slack says so), so neither answer asks for an invitation.
        Assert.DoesNotContain("/invite", SlackBlockKitChecker.VisibleText(video.ToJsonString()), StringComparison.Ordinal);
        Assert.DoesNotContain("/invite", SlackBlockKitChecker.VisibleText(all.ToJsonString()), StringComparison.Ordinal);
        Assert.Equal("Subscribed: this chat will receive every new post.", (string?)all["text"]);
        Assert.Equal("This is DigestBot's channel: it receives every new post already.", (string?)inConfigured["text"]);
        Assert.Equal(["slack:C0DIGEST01", "slack:chat:C0ALLPOST1", "slack:chat:C0VIDEO001"], keys);
        Assert.Equal(["A segmentation paper", "A language paper"], postedBefore[FakeSlackServer.Channel]);
        Assert.Equal(["A segmentation paper", "A language paper"], postedBefore[AllChannel]);
        Assert.Equal(["A segmentation paper"], postedBefore[VideoChannel]);
        Assert.Empty(unfinished);
        Assert.Equal("Unsubscribed: this chat will not receive posts any more.", (string?)stop["text"]);
        Assert.Equal(["A segmentation paper"], Titles(fake)[VideoChannel]);
        Assert.Equal("Another segmentation paper", Titles(fake)[AllChannel][^1]);
        Assert.All(fake.Posts, p => Assert.Empty(p.BlockKitProblems));
    }

    [Fact]
    public async Task The_subscribe_answer_says_how_to_invite_the_bot_where_it_is_not_in_the_channel_or_Slack_cannot_say()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        const string OtherChannel = "C0OTHER001";
        fake.AddChannel(VideoChannel);
        fake.AddChannel(OtherChannel);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        var member = await AnswerAsync(host, "/subscribe", "", VideoChannel);
        var notMember = await AnswerAsync(host, "/subscribe", "", AllChannel);
        fake.FailNext("conversations.info", 1, FakeSlackFailure.MissingScope);
        var cannotSay = await AnswerAsync(host, "/subscribe", "#llm", OtherChannel);

        Assert.DoesNotContain("/invite", SlackBlockKitChecker.VisibleText(member.ToJsonString()), StringComparison.Ordinal);
        Assert.Contains(ChatSubscriptions.InviteHint, SlackBlockKitChecker.VisibleText(notMember.ToJsonString()));
        Assert.Contains(ChatSubscriptions.InviteHint, SlackBlockKitChecker.VisibleText(cannotSay.ToJsonString()));
        Assert.Equal("Subscribed: this chat will receive new posts tagged #llm.", (string?)cannotSay["text"]);
        Assert.Equal([VideoChannel, AllChannel, OtherChannel], fake.Calls.Where(c => c.Method == "conversations.info").Select(c => c.Channel));
    }

    [Fact]
    public async Task A_channel_that_removed_the_bot_loses_its_subscription_and_the_next_slot_does_not_try_it()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AddChannel(VideoChannel);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await AnswerAsync(host, "/subscribe", "", VideoChannel);
        fake.RemoveBotFrom(VideoChannel);
        int PostsTried() => fake.Calls.Count(c => c.Method == "chat.postMessage" && c.Channel == VideoChannel);
        var first = (await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("First after the removal", "2504.00001")], CancellationToken.None)).Queued;

        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var refused = await host.Get<DeliveryStore>().FindAsync(first[0].Id, SlackDestination.SubscriberKeyPrefix + VideoChannel, CancellationToken.None);
        var triedOnce = PostsTried();
        var left = await DestinationKeysAsync(host);
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Second after the removal", "2504.00002")], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);

        Assert.Equal(DeliveryState.Dropped, refused!.State);
        Assert.Contains("not_in_channel", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("subscription has ended", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, triedOnce);
        Assert.Equal(["slack:C0DIGEST01"], left);
        Assert.Empty(await host.Get<SubscriptionStore>().AllAsync("slack", CancellationToken.None));
        Assert.Equal(1, PostsTried());
        Assert.Equal(["First after the removal", "Second after the removal"], Titles(fake)[FakeSlackServer.Channel]);
    }

    [Fact]
    public async Task The_configured_channel_keeps_its_place_when_the_bot_is_removed_from_it()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<SubscriptionStore>().SubscribeAsync("slack", FakeSlackServer.Channel, null, CancellationToken.None);
        fake.RemoveBotFrom(FakeSlackServer.Channel);
        var taken = (await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("A paper", "2504.00003")], CancellationToken.None)).Queued;

        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);

        var record = await host.Get<DeliveryStore>().FindAsync(taken[0].Id, "slack:" + FakeSlackServer.Channel, CancellationToken.None);
        Assert.Equal(DeliveryState.Pending, record!.State);
        var paused = Assert.Single(await host.Get<DestinationStateStore>().PausedAsync(CancellationToken.None));
        Assert.Contains("/invite @DigestBot", paused.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("subscription", paused.Reason, StringComparison.Ordinal);
        Assert.Equal(["slack:C0DIGEST01"], await DestinationKeysAsync(host));
        Assert.Single(await host.Get<SubscriptionStore>().AllAsync("slack", CancellationToken.None));
    }

    [Fact]
    public async Task Subscribe_typed_in_a_direct_message_or_a_mention_is_answered_in_its_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var direct = await host.EventAsync("Ev0SUBDM01", SlackBotHost.DirectMessage(SlackBotHost.Stranger, "subscribe #LLM", "1772352000.000400"));
        using var mention = await host.EventAsync("Ev0SUBMEN1", SlackBotHost.Mention(SlackBotHost.Stranger, "/unsubscribe", "1772352000.000500"));
        await fake.WaitUntilAsync(f => f.Posts.Count == 2);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (direct.StatusCode, mention.StatusCode));
        var replies = fake.Posts.OrderBy(p => p.ThreadTs).ToList();
        Assert.Equal([("1772352000.000400", "D0DIRECT01"), ("1772352000.000500", FakeSlackServer.Channel)], replies.Select(r => (r.ThreadTs, r.Channel)));
        Assert.Equal("Subscribed: this chat will receive new posts tagged #llm.", (string?)replies[0].Body["text"]);
        Assert.DoesNotContain("/invite", SlackBlockKitChecker.VisibleText(replies[0].Json), StringComparison.Ordinal);
        Assert.Equal("This is DigestBot's channel: it receives every new post already.", (string?)replies[1].Body["text"]);
        var subscription = Assert.Single(await host.Get<SubscriptionStore>().AllAsync("slack", CancellationToken.None));
        Assert.Equal("D0DIRECT01", subscription.ChatId);
        Assert.Equal(["llm"], subscription.Tags);
    }

    [Fact]
    public async Task A_subscribe_with_a_forged_signature_is_401_and_changes_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AddChannel(VideoChannel);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var forged = await host.CommandAsync("/subscribe", "", secret: "someone-else-s-secret", channel: VideoChannel);
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("A paper", "2504.00004")], CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(await host.Get<SubscriptionStore>().AllAsync("slack", CancellationToken.None));
        Assert.Equal([FakeSlackServer.Channel], fake.Posts.Select(p => p.Channel));
    }

    [Fact]
    public async Task Past_Subscriptions_Max_a_channel_is_refused_without_an_invitation_hint()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AddChannel(VideoChannel);
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Subscriptions:Max"] = "1" });

        await AnswerAsync(host, "/subscribe", "#llm", VideoChannel);
        var refused = await AnswerAsync(host, "/subscribe", "", AllChannel);

        Assert.Equal("I am full: 1 chats are subscribed already, so I cannot take another. Please ask the channel's curators.", (string?)refused["text"]);
        Assert.DoesNotContain(ChatSubscriptions.InviteHint, SlackBlockKitChecker.VisibleText(refused.ToJsonString()));
        // Only the subscribed channel was looked up: a refusal has nothing to invite the bot to.
        Assert.Equal([VideoChannel], fake.Calls.Where(c => c.Method == "conversations.info").Select(c => c.Channel));
    }

    private static async Task<JsonObject> AnswerAsync(SlackBotHost host, string command, string text, string channel)
    {
        using var response = await host.CommandAsync(command, text, channel: channel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<List<string>> DestinationKeysAsync(SlackBotHost host)
    {
        var source = host.Services.GetServices<IDestinationSource>().OfType<SlackDestinations>().Single();
        return [.. (await source.GetAsync(CancellationToken.None)).Select(d => d.Key).Order(StringComparer.Ordinal)];
    }

    /// <summary>Titles of the notes posted, by channel, in order.</summary>
    private static Dictionary<string, List<string>> Titles(FakeSlackServer fake) =>
        fake.Posts
            .GroupBy(p => p.Channel!)
            .ToDictionary(g => g.Key, g => g.Select(p => (string)p.Body["blocks"]![0]!["text"]!["text"]!).ToList());
}
