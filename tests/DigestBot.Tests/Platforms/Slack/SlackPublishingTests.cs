using System.Text.Json.Nodes;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The real publisher and store posting to the fake Slack over HTTP.</summary>
public sealed class SlackPublishingTests(ITestOutputHelper output)
{
    private const string Key = "slack:" + FakeSlackServer.Channel;

    [Fact]
    public async Task The_sample_digest_is_posted_as_Block_Kit_within_limits_with_permalinks_stored()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var services = Services(folder, fake);
        var notes = SampleDigest.Notes();
        await services.GetRequiredService<NoteStore>().ImportAsync(notes, CancellationToken.None);

        var taken = await services.GetRequiredService<Publisher>().PublishNextAsync(notes.Count, CancellationToken.None);

        var posts = fake.Posts;
        Assert.Equal(6, taken.Count);
        Assert.Equal(notes.Select(n => n.Title), posts.Select(p => (string?)p.Body["blocks"]![0]!["text"]!["text"]));
        Assert.All(posts, p => Assert.Empty(p.BlockKitProblems));
        Assert.All(posts, p => Assert.Equal((FakeSlackServer.Channel, FakeSlackServer.BotToken), (p.Channel, p.Token)));
        Assert.DoesNotContain(fake.Calls, c => c.Error is not null);

        var deliveries = services.GetRequiredService<DeliveryStore>();
        foreach (var (stored, post) in taken.Zip(posts))
        {
            var record = await deliveries.FindAsync(stored.Id, Key, CancellationToken.None);
            Assert.Equal(DeliveryState.Sent, record?.State);
            Assert.Equal([post.Ts!], record!.MessageIds);
            Assert.Equal($"https://digest-fake.slack.com/archives/{FakeSlackServer.Channel}/p{post.Ts!.Replace(".", "")}", record.Permalink);
        }

        output.WriteLine(posts[1].Json);
        var sam = posts[1].Body;
        Assert.Equal("SAM 2: Segment Anything in Images and Videos\nhttps://ai.meta.com/blog/segment-anything-2", (string?)sam["text"]);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", (string?)sam["blocks"]!.AsArray().Last()!["elements"]![0]!["url"]);
        Assert.Contains("#video-segmentation", SlackBlockKitChecker.VisibleText(posts[1].Json));
    }

    [Fact]
    public async Task Slack_posts_while_Telegram_is_down_and_each_platform_gets_each_note_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        var telegramDown = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "123456789:AAFakeTokenForDigestBotTests_0123456",
            ["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Telegram:Channel"] = "@digest_channel",
            ["Telegram:Pacing:PerChatInterval"] = "00:00:00",
            ["Telegram:Pacing:GroupWindow"] = "00:00:00",
        };
        const string telegramKey = "telegram:@digest_channel";
        bool slackDone;
        IReadOnlyList<DeliveryRecord> telegramWhileDown;
        await using (var services = Services(folder, fake, settings: telegramDown))
        {
            await services.GetRequiredService<NoteStore>().ImportAsync(
                [NoteFactory.Paper("First paper", "2408.00001"), NoteFactory.Paper("Second paper", "2408.00002")], CancellationToken.None);
            var deliveries = services.GetRequiredService<DeliveryStore>();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var stuck = services.GetRequiredService<Publisher>().PublishNextAsync(2, stop.Token);
            await fake.WaitUntilAsync(f => f.Posts.Count == 2);
            slackDone = await WaitForAsync(async () => (await deliveries.UnfinishedAsync(CancellationToken.None)).All(d => d.Destination != Key));
            await WaitForAsync(async () => (await deliveries.UnfinishedAsync(CancellationToken.None)).Any(d => d.Attempts >= 2));
            telegramWhileDown = await deliveries.UnfinishedAsync(CancellationToken.None);
            await stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck);
        }

        // Restarted with Telegram back: only Telegram's deliveries are left to do.
        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        telegramDown["Telegram:ApiBaseUrl"] = telegram.BaseUrl;
        await using (var services = Services(folder, fake, settings: telegramDown))
        {
            await services.GetRequiredService<Publisher>().DeliverUnfinishedAsync(CancellationToken.None);
            Assert.Empty(await services.GetRequiredService<DeliveryStore>().UnfinishedAsync(CancellationToken.None));
        }

        Assert.True(slackDone);
        Assert.Equal([telegramKey, telegramKey], telegramWhileDown.Select(d => d.Destination));
        Assert.All(telegramWhileDown, d => Assert.Empty(d.MessageIds));
        Assert.Equal(2, fake.Posts.Count);
        Assert.Equal(2, telegram.SentMessages.Count);
        Assert.Contains("First paper", telegram.SentMessages[0].Text);
        Assert.Contains("Second paper", telegram.SentMessages[1].Text);
    }

    [Fact]
    public async Task An_unknown_channel_pauses_Slack_with_a_reason_naming_the_setting_and_fails_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var services = Services(folder, fake, channel: "C0NOTTHERE");
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("A paper", "2408.00003")], CancellationToken.None);

        var taken = await services.GetRequiredService<Publisher>().PublishNextAsync(1, CancellationToken.None);

        var record = await services.GetRequiredService<DeliveryStore>().FindAsync(taken[0].Id, "slack:C0NOTTHERE", CancellationToken.None);
        Assert.Equal(DeliveryState.Pending, record?.State);
        var paused = Assert.Single(await services.GetRequiredService<DestinationStateStore>().PausedAsync(CancellationToken.None));
        Assert.Contains("Slack:Channel", paused.Reason);
        Assert.Single(fake.Calls);
    }

    [Fact]
    public async Task Blocks_Slack_refuses_fail_that_note_only_and_the_next_one_is_posted()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var services = Services(folder, fake);
        var queued = (await services.GetRequiredService<NoteStore>().ImportAsync(
            [NoteFactory.Paper("Refused", "2408.00005"), NoteFactory.Paper("Next", "2408.00006")], CancellationToken.None)).Queued;
        fake.FailNext("chat.postMessage", 1, FakeSlackFailure.InvalidBlocks);

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, CancellationToken.None);

        var deliveries = services.GetRequiredService<DeliveryStore>();
        var refused = await deliveries.FindAsync(queued[0].Id, "slack:" + FakeSlackServer.Channel, CancellationToken.None);
        var next = await deliveries.FindAsync(queued[1].Id, "slack:" + FakeSlackServer.Channel, CancellationToken.None);
        Assert.Equal((DeliveryState.Failed, DeliveryState.Sent), (refused?.State, next?.State));
        Assert.Equal("Slack refused the message (invalid_blocks).", refused!.Reason);
        Assert.Empty(await services.GetRequiredService<DestinationStateStore>().PausedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_rate_limited_post_is_sent_again_after_Retry_After_and_appears_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var services = Services(folder, fake);
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("A paper", "2408.00004")], CancellationToken.None);
        fake.FailNext("chat.postMessage", 1, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 1);

        await services.GetRequiredService<Publisher>().PublishNextAsync(1, CancellationToken.None);

        Assert.Equal([429, 200], fake.Calls.Where(c => c.Method == "chat.postMessage").Select(c => c.StatusCode));
        Assert.True(fake.Posts[0].At - fake.Calls[0].At >= TimeSpan.FromSeconds(1));
        Assert.Single(fake.Posts);
    }

    [Fact]
    public async Task A_note_beyond_fifty_blocks_continues_in_the_first_message_s_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var services = Services(folder, fake);
        var paragraphs = string.Join("\n\n", Enumerable.Range(0, 60).Select(i => $"Paragraph {i}. " + new string('가', 2900)));
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("Long", "2408.00005", commentary: paragraphs)], CancellationToken.None);

        var taken = await services.GetRequiredService<Publisher>().PublishNextAsync(1, CancellationToken.None);

        // Some 175,000 characters: 50 blocks would hold them in 2 messages, but a message holds 40,000 characters.
        var posts = fake.Posts;
        Assert.Equal(5, posts.Count);
        Assert.Null(posts[0].ThreadTs);
        Assert.All(posts.Skip(1), p => Assert.Equal(posts[0].Ts, p.ThreadTs));
        Assert.All(posts, p => Assert.Empty(p.BlockKitProblems));
        var record = await services.GetRequiredService<DeliveryStore>().FindAsync(taken[0].Id, Key, CancellationToken.None);
        Assert.Equal(posts.Select(p => p.Ts!), record!.MessageIds);
        Assert.EndsWith("p" + posts[0].Ts!.Replace(".", ""), record.Permalink);
    }

    internal static Microsoft.Extensions.DependencyInjection.ServiceProvider Services(
        TempFolder folder, FakeSlackServer fake, string channel = FakeSlackServer.Channel, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = FakeSlackServer.BotToken,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Slack:Channel"] = channel,
            ["Slack:MessageInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return TestServices.Create(folder, values, TimeProvider.System);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<bool> WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(25);
        }

        return false;
    }
}
