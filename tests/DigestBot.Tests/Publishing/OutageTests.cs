using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Notes;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;

namespace DigestBot.Tests.Publishing;

/// <summary>
/// What a platform that says no does to the publishing, through the real host, both fake platforms and real time:
/// a refused message fails alone, a refused channel pauses alone and catches up without a burst.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class OutageTests
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(1.5);

    private static readonly string[] Titles =
        ["SAM 2: 비디오 분할", "Llama 3 기술 보고서", "확산 모델 정리", "RLHF 재검토", "Mamba 상태 공간", "데이터 스케일링 법칙"];

    [Fact]
    public async Task Telegram_403_pauses_only_Telegram_then_every_note_arrives_in_order_without_a_burst_and_curators_hear_twice()
    {
        await using var host = await TwoPlatformHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Schedule:Cron"] = "* * * * * *",
                ["Publishing:CatchUpInterval"] = "00:00:01.500",
                ["Publishing:ProbeBaseDelay"] = "00:00:00.200",
                ["Publishing:ProbeMaxDelay"] = "00:00:00.500",
            },
            async h =>
            {
                h.Telegram.BlockBot(TwoPlatformHost.TelegramChannel);
                await h.QueueAsync([.. Titles.Select((t, i) => NoteFactory.Paper(t, $"2407.{i + 10:00000}", ["video-segmentation"]))]);
            });

        // Several slots go by: Slack posts at each, Telegram refuses and pauses.
        await Eventually.TrueAsync(() => host.SlackPosts().Count >= 3, "three Slack posts", TimeSpan.FromSeconds(60));
        var paused = await GetHealthAsync(host);
        var telegramDuringPause = host.TelegramPosts().Count;
        var failedDuringPause = await FailedAsync(host);
        host.Telegram.UnblockBot(TwoPlatformHost.TelegramChannel);

        try
        {
            await Eventually.TrueAsync(() => host.TelegramPosts().Count == Titles.Length && host.SlackPosts().Count == Titles.Length, "every note on both platforms", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            // What the bot was doing, so that a failure on a busy machine says which part stopped.
            var unfinished = string.Join("; ", (await host.Get<DeliveryStore>().UnfinishedAsync(default)).Select(d => $"{d.NoteId} {d.Destination} {d.State}"));
            var pausedNow = string.Join("; ", (await host.Get<DestinationStateStore>().PausedAsync(default)).Select(p => $"{p.Destination} next {p.ProbeAt:O}"));
            var queued = (await host.Get<DeliveryStore>().CountsAsync(default)).Queued;
            Assert.Fail($"Telegram got {host.TelegramPosts().Count}, Slack {host.SlackPosts().Count}; {queued} queued; unfinished: {unfinished}; paused: {pausedNow}.");
        }
        await Eventually.TrueAsync(() => host.TelegramAlerts().Count == 2 && host.SlackAlerts().Count == 2, "the resumed alert", TimeSpan.FromSeconds(30));
        var healthy = await GetHealthAsync(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, paused.Status);
        Assert.Equal("paused", (string?)paused.Json["status"]);
        var telegram = paused.Json["destinations"]!.AsArray().Single(d => (string?)d!["destination"] == "telegram:@digest_channel")!;
        Assert.Equal("paused", (string?)telegram["state"]);
        Assert.Contains("bot is not a member of the channel chat", (string?)telegram["reason"], StringComparison.Ordinal);
        Assert.Equal("ok", (string?)paused.Json["destinations"]!.AsArray().Single(d => (string?)d!["destination"] == "slack:" + FakeSlackServer.Channel)!["state"]);
        Assert.Equal(0, telegramDuringPause);
        Assert.Equal(0, failedDuringPause);

        Assert.Equal(Titles, host.TelegramPosts().Select(p => p.Title));
        Assert.Equal(Titles, host.SlackPosts().Select(text => Titles.Single(t => text.Contains(t, StringComparison.Ordinal))));
        var gaps = host.TelegramPosts().Zip(host.TelegramPosts().Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= CatchUp, $"two Telegram posts {gap.TotalMilliseconds} ms apart"));
        Assert.Equal(0, await FailedAsync(host));

        Assert.Contains("Posting to telegram:@digest_channel is paused", host.TelegramAlerts()[0], StringComparison.Ordinal);
        Assert.Contains("works again", host.TelegramAlerts()[1], StringComparison.Ordinal);
        Assert.Contains("Posting to telegram:@digest_channel is paused", host.SlackAlerts()[0], StringComparison.Ordinal);
        Assert.Contains("works again", host.SlackAlerts()[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, healthy.Status);
        Assert.Equal("ok", (string?)healthy.Json["status"]);
        Assert.Equal(0, (int?)healthy.Json["queued"]);
        Assert.NotNull((string?)healthy.Json["last_post"]);

        var metrics = await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Matches("digestbot_posts_sent_total\\{[^}]*destination=\"telegram:@digest_channel\"[^}]*\\} 6\n", metrics);
        Assert.Matches("digestbot_posts_sent_total\\{[^}]*destination=\"slack:C0DIGEST01\"[^}]*\\} 6\n", metrics);
        Assert.Matches("digestbot_delivery_failures_total\\{[^}]*destination=\"telegram:@digest_channel\",kind=\"this_destination\"[^}]*\\} [1-9]", metrics);
        Assert.Matches("digestbot_queue_length\\{[^}]*\\} 0\n", metrics);
        Assert.Contains("service_name=\"digestbot\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_Slack_refuses_fails_alone_and_the_next_note_is_posted_at_its_own_slot()
    {
        await using var host = await TwoPlatformHost.StartAsync(
            // The retried note is a backlog behind the lane's last post, so it waits one catch-up interval: at the default
            // minute the wait for it raced its own timeout, which starts only when the retry process has ended.
            new Dictionary<string, string> { ["Schedule:Cron"] = "*/2 * * * * *", ["Publishing:CatchUpInterval"] = "00:00:02" },
            async h =>
            {
                h.Slack.FailNext("chat.postMessage", 1, FakeSlackFailure.InvalidBlocks);
                await h.QueueAsync(NoteFactory.Paper("거절될 노트", "2407.00001"), NoteFactory.Paper("다음 노트", "2407.00002"), NoteFactory.Paper("그다음", "2407.00003"));
            });

        var notes = host.Get<NoteStore>();
        var slack = "slack:" + FakeSlackServer.Channel;
        await Eventually.TrueAsync(
            async () => (await notes.FindByKeyAsync(NoteFactory.Paper("다음 노트", "2407.00002"), default))!.Deliveries.Any(d => d.Destination == slack && d.State == DeliveryState.Sent),
            "the next note on Slack",
            TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(() => host.TelegramAlerts().Count >= 1, "the failure alert", TimeSpan.FromSeconds(30));

        var refused = (await notes.FindByKeyAsync(NoteFactory.Paper("거절될 노트", "2407.00001"), default))!;
        var next = (await notes.FindByKeyAsync(NoteFactory.Paper("다음 노트", "2407.00002"), default))!;
        var refusedDelivery = refused.Deliveries.Single(d => d.Destination == slack);
        Assert.Equal(DeliveryState.Failed, refusedDelivery.State);
        Assert.Equal(1, refusedDelivery.Attempts);
        Assert.Contains("invalid_blocks", refusedDelivery.Reason, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, refused.Deliveries.Single(d => d.Destination == "telegram:@digest_channel").State);
        Assert.Contains("다음 노트", host.SlackPosts()[0], StringComparison.Ordinal);
        // Posted at its own slot: before the slot after it took the third note.
        var third = (await notes.FindByKeyAsync(NoteFactory.Paper("그다음", "2407.00003"), default))!;
        var nextSent = next.Deliveries.Single(d => d.Destination == slack).SentAt!.Value;
        Assert.True(third.TakenAt is null || nextSent < third.TakenAt, $"the next note went out at {nextSent:O}, after the following slot at {third.TakenAt:O}");
        Assert.Contains($"“거절될 노트” (note {refused.Id}) was not posted to {slack}", host.TelegramAlerts()[0], StringComparison.Ordinal);
        Assert.Contains($"/retry {refused.Id}", host.TelegramAlerts()[0], StringComparison.Ordinal);

        // The curator fixes the cause and retries from the command line while the bot runs: it goes out at a later slot.
        var retry = await ProgramProcess.RunAsync(host.Folder, "retry", refused.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", host.DatabasePath);
        await Eventually.TrueAsync(
            async () => (await notes.FindAsync(refused.Id, default))!.Deliveries.Single(d => d.Destination == slack).State == DeliveryState.Sent,
            "the retried note on Slack",
            TimeSpan.FromSeconds(60));
        var again = await ProgramProcess.RunAsync(host.Folder, "retry", refused.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", host.DatabasePath);

        var retried = (await notes.FindAsync(refused.Id, default))!.Deliveries.Single(d => d.Destination == slack).SentAt!.Value;
        Assert.True(retried - nextSent >= TimeSpan.FromSeconds(2), $"the retried note went out at {retried:O}, less than the catch-up interval after the post at {nextSent:O}");
        Assert.Equal(0, retry.ExitCode);
        Assert.Contains("1 failed delivery will be posted again at the next slot", retry.Output, StringComparison.Ordinal);
        Assert.Single(host.SlackPosts(), text => text.Contains("거절될 노트", StringComparison.Ordinal));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("has no failed delivery", again.Output, StringComparison.Ordinal);
    }

    private static async Task<long> FailedAsync(TwoPlatformHost host) => (await host.Get<DeliveryStore>().CountsAsync(default)).Failed;

    private static async Task<(HttpStatusCode Status, JsonObject Json)> GetHealthAsync(TwoPlatformHost host)
    {
        using var response = await host.Http.GetAsync(new Uri("/health", UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
