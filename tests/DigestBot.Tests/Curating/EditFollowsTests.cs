using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// A corrected note imported again while the bot runs: the running bot edits every posted copy within seconds, through
/// the real host, both fake platforms and the real program run as a separate process for the import.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class EditFollowsTests
{
    private const long Subscriber = 7001;

    [Fact]
    public async Task Reimporting_a_corrected_file_edits_the_channel_Slack_and_a_subscriber_and_a_queued_note_keeps_its_place()
    {
        await using var host = await StartAsync();
        var file = Path.Combine(host.Folder, "digest.txt");
        await File.WriteAllTextAsync(file, Digest("SAM 2가 나왔군요. 비디오 확장입니다.", "상태 공간 모델입니다."));
        var first = await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath);
        Assert.Equal(0, first.ExitCode);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var posted = (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!;
        Assert.Equal(3, posted.Deliveries.Count(d => d.State == DeliveryState.Sent));
        var slackTs = posted.Deliveries.Single(d => d.Destination == "slack:" + FakeSlackServer.Channel).MessageIds[0];

        await File.WriteAllTextAsync(file, Digest("SAM 2가 나왔군요. 비디오 분할의 확장입니다.", "상태 공간 모델을 다시 봅니다."));
        var again = await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath);
        Assert.Contains("updated note 1: commentary", again.Output + again.Errors, StringComparison.Ordinal);

        await Eventually.TrueAsync(
            () => Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && Edited(host.Telegram.CurrentText(Subscriber.ToString(System.Globalization.CultureInfo.InvariantCulture), 1))
                && Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited",
            TimeSpan.FromSeconds(60));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("updated note 1: commentary", again.Output, StringComparison.Ordinal);
        Assert.Contains("updated note 2: commentary", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "editMessageText" && c.StatusCode == 200));
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.update" && c.Error is null);
        var queued = await host.Get<NoteStore>().QueuedAsync(CancellationToken.None);
        Assert.Equal([2L, 3L], queued.Select(n => n.Id));
        Assert.Equal("상태 공간 모델을 다시 봅니다.", queued[0].Note.Commentary);
        Assert.Single(await host.Get<NoteStore>().SearchAsync("분할의", includeQueued: false, CancellationToken.None));
    }

    private static bool Edited(string? text) => text is not null && text.Contains("비디오 분할의 확장", StringComparison.Ordinal);

    private static Task<TwoPlatformHost> StartAsync() =>
        TwoPlatformHost.StartAsync(
            new Dictionary<string, string> { ["Schedule:Cron"] = "0 0 1 1 *" },
            h => h.Get<SubscriptionStore>().SubscribeAsync("telegram", Subscriber.ToString(System.Globalization.CultureInfo.InvariantCulture), null, CancellationToken.None));

    private static string Digest(string firstCommentary, string secondCommentary) => $"""
        2024-07-30
        SAM 2: Segment Anything in Images and Videos
        (Nikhila Ravi, Valentin Gabeur)
        We present Segment Anything Model 2 (SAM 2).
        https://arxiv.org/abs/2408.00714
        {firstCommentary}
        #video_segmentation

        Mamba: Linear-Time Sequence Modeling
        (Albert Gu, Tri Dao)
        Foundation models are almost universally based on the Transformer.
        https://arxiv.org/abs/2312.00752
        {secondCommentary}
        #ssm

        Scaling Laws for Neural Language Models
        (Jared Kaplan)
        We study empirical scaling laws for language model performance.
        https://arxiv.org/abs/2001.08361
        스케일링 법칙 정리.
        #scaling-law

        """;
}
