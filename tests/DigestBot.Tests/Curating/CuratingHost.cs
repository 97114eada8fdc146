using System.Globalization;
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
        var posted = (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!;
        Assert.Equal(3, posted.Deliveries.Count(d => d.State == DeliveryState.Sent));
        return (file, posted.Deliveries.Single(d => d.Destination == DestinationKey.Channel(DestinationKey.Slack, FakeSlackServer.Channel).ToString()).MessageIds[0]);
    }
}
