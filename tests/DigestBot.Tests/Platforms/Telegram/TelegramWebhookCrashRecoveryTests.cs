using System.Net;
using System.Text.RegularExpressions;
using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;
using static DigestBot.Tests.Platforms.Telegram.TelegramWebhookRequests;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// The program in webhook mode, killed (SIGKILL) while it handles an update it has answered 200: Telegram will not
/// deliver that update again, so the restarted program must handle it from its own store, once.
/// </summary>
public sealed partial class TelegramWebhookCrashRecoveryTests : IAsyncLifetime
{
    // The handling of an update is midway while its answer waits in the fake Telegram.
    private TelegramProcessSetup setup = null!;

    public async Task InitializeAsync() => setup = await TelegramProcessSetup.StartAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    [Fact]
    public async Task An_update_whose_handling_a_kill_interrupted_is_handled_after_the_restart_once()
    {
        await using (var first = BotProcess.Start(setup.Folder.Path, RunArgs()))
        {
            using var http = await ClientForAsync(first);
            using var accepted = await PostAsync(http, Update(501, "/help"));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

            await setup.Telegram.WaitForArrivalsAsync("sendMessage", 1).WaitAsync(TimeSpan.FromSeconds(30));
            await first.KillAsync();
        }

        Assert.Empty(setup.Telegram.SentMessages);
        Assert.Equal(1L, await PendingAsync());

        await using var second = BotProcess.Start(setup.Folder.Path, RunArgs());
        using (var http = await ClientForAsync(second))
        {
            using var next = await PostAsync(http, Update(502, "/tags"));
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        await setup.Held.ReleaseUntilAsync(() => setup.Telegram.SentMessages.Count >= 2, "both answers");
        await Eventually.TrueAsync(async () => await PendingAsync() == 0, "the handled updates to leave the store", TimeSpan.FromSeconds(30));

        // Answered once each, in order: the interrupted /help first, then the /tags that came after the restart.
        Assert.Equal(
            [(501, "<b>DigestBot — ML paper digests"), (502, "<b>No tags yet: nothing has been posted.")],
            setup.Telegram.SentMessages.Select(m => (m.ReplyToMessageId!.Value, m.Text![..m.Text!.IndexOf("</b>", StringComparison.Ordinal)])));
        Assert.Equal(3, setup.Telegram.Arrivals("sendMessage"));
    }

    private string[] RunArgs() => setup.RunArgs(
        "@webhook_channel",
        $"--Telegram:WebhookUrl={HookUrl}",
        $"--Telegram:WebhookSecret={Secret}",
        "--Sources:ArxivApiUrl=http://127.0.0.1:9/api/query");

    /// <summary>A client for the address the program says it listens on (it was given port 0).</summary>
    private static async Task<HttpClient> ClientForAsync(BotProcess bot)
    {
        Match? listening = null;
        await Eventually.TrueAsync(() => (listening = ListeningOn().Match(bot.Stderr)).Success, "the program to listen", TimeSpan.FromSeconds(30));
        return new HttpClient { BaseAddress = new Uri(listening!.Groups[1].Value) };
    }

    private async Task<long> PendingAsync() => (long)(await SqliteFile.ScalarAsync(setup.Database, "SELECT COUNT(*) FROM pending_updates"))!;

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
