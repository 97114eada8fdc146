using System.Globalization;
using DigestBot.Cli;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// The real host with both fake platforms and a Telegram subscriber, never posting by itself: a curating test imports a
/// digest with the real program, posts its first note, and changes it while the bot runs.
/// </summary>
internal static class CuratingHost
{
    public const long Subscriber = 7001;

    public static string SubscriberChat => Subscriber.ToString(CultureInfo.InvariantCulture);

    /// <summary>Telegram and Slack curators, for the curating tests through the chats.</summary>
    public const long TelegramCurator = 777;

    public const string SlackCurator = "UCURATOR1";

    public static Task<TwoPlatformHost> StartAsync(string language = "en") =>
        TwoPlatformHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Schedule:Cron"] = "0 0 1 1 *",
                ["Chat:Language"] = language,
                ["Telegram:Admins:0"] = TelegramCurator.ToString(CultureInfo.InvariantCulture),
                ["Slack:Admins:0"] = SlackCurator,
            },
            h => h.Get<SubscriptionStore>().SubscribeAsync(DestinationKey.Telegram, SubscriberChat, null, CancellationToken.None));

    /// <summary>Imports <paramref name="digest"/> as <c>digest.txt</c> with the program and posts note 1 everywhere; returns the file and note 1's Slack ts.</summary>
    public static async Task<(string File, string SlackTs)> ImportAndPostFirstAsync(TwoPlatformHost host, string digest)
    {
        var file = Path.Combine(host.Folder, "digest.txt");
        await System.IO.File.WriteAllTextAsync(file, digest);
        var import = await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath);
        Assert.Equal(0, import.ExitCode);
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var posted = (await host.Get<NoteStore>().FindWithSubscriberCopiesAsync(1, CancellationToken.None))!;
        Assert.Equal(3, posted.Deliveries.Count(d => d.State == DeliveryState.Sent));
        return (file, posted.Deliveries.Single(d => d.Destination == DestinationKey.Channel(DestinationKey.Slack, FakeSlackServer.Channel).ToString()).MessageIds[0]);
    }

    /// <summary>A verb's command line, for <c>Verbs.RunAsync</c> against the host's services.</summary>
    public static CliArguments Cli(params string[] args) => CliArguments.TryParse(args, out var cli, out var error) ? cli : throw new ArgumentException(error);

    /// <summary>Three notes as a curator writes them: SAM 2 and Mamba with the given commentaries, then a scaling-law note.</summary>
    public static string Digest(string firstCommentary, string secondCommentary) => $"""
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

    /// <summary>Whether a copy shows the corrected SAM 2 commentary the curating tests write.</summary>
    /// <summary>
    /// Waits until note <paramref name="noteId"/>'s <paramref name="count"/> edits and deletions are all recorded sent. The fakes
    /// show a change as they take it and log the call just after; the bot records it sent once their answer is back,
    /// so after this the fakes' call logs are complete too.
    /// </summary>
    public static Task EveryChangeRecordedSentAsync(TwoPlatformHost host, int count, long noteId = 1) =>
        Eventually.TrueAsync(
            async () => await host.Get<MessageEditStore>().ForNoteAsync(noteId, CancellationToken.None) is var changes
                && changes.Count == count && changes.All(c => c.State == DeliveryState.Sent),
            $"{count} edits or deletions of note {noteId} recorded sent",
            TimeSpan.FromSeconds(60));

    public static bool Edited(string? text) => text is not null && text.Contains("비디오 분할의 확장", StringComparison.Ordinal);
}
