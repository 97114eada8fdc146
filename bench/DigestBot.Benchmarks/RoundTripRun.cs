using System.Diagnostics;
using System.Globalization;
using DigestBot.Hosting;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>roundtrip [--notes 1000] [--updates 2000] [--rate 2000] [--sequential 300] [--warmup 10000] [--chats 8]
/// [--send-latency-ms 0] [--process] [--program path] [--timeline]</c>:
/// the real host (as <c>TelegramChatHost</c> starts it in the tests) long-polls a fake Telegram server on loopback
/// whose flood limits are off; each update is <c>/tag llm</c> from its own private chat. Latency is from the fake
/// queueing the update to the bot's <c>sendMessage</c> arriving at the fake. Three runs: one update at a time (latency
/// without queueing), an open loop at <c>--rate</c> updates/s, and a burst of all updates at once (throughput).
/// <c>--chats</c> sets <c>Telegram:ConcurrentChats</c>; <c>--send-latency-ms</c> makes the fake answer each
/// <c>sendMessage</c> that late, as the round trip to Telegram's servers would (loopback has none). With <c>--process</c> the bot runs as its own program
/// (<c>dotnet DigestBot.dll run</c>), so its CPU time is told apart from the fake's and the load generator's; <c>--program</c>
/// names the build to run that way, a <c>.dll</c> or the native executable <c>dotnet publish -p:PublishAot=true</c> makes.
/// <c>--timeline</c> also lists the 100 ms stretches of each run whose slowest answer took over 10 ms, to tell a
/// backlog (many stretches in a row) from single slow answers.
/// </summary>
internal static class RoundTripRun
{
    public const string Command = "/tag llm";

    public static async Task<int> RunAsync(string[] args)
    {
        if (await HarnessRuntime.RerunWithSettingsAsync() is { } exitCode)
        {
            return exitCode;
        }

        var options = new VerbArguments(args);
        var notes = options.Int("notes", 1_000);
        var updates = options.Int("updates", 2_000);
        var rate = options.Int("rate", 2_000);
        var sequential = options.Int("sequential", 300);
        var warmup = options.Int("warmup", 10_000);
        var chats = options.Int("chats", 8);
        // --program runs another build of the bot, such as the native one; it implies --process.
        var separate = options.Flag("process") || options.Flag("program");
        var sendLatency = TimeSpan.FromMilliseconds(options.Int("send-latency-ms", 0));
        var store = await LargeStore.EnsureAsync(notes, Console.Out);
        ResetChatState(store);

        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(sendLatency: sendLatency > TimeSpan.Zero ? sendLatency : null, keepBodies: false));
        var folder = BenchServices.NewFolder("roundtrip");
        var arguments = HostArguments(telegram, store, folder);
        arguments.Add($"--Telegram:ConcurrentChats={chats}");
        WebApplication? app = null;
        Process? bot = null;
        try
        {
            if (separate)
            {
                (bot, _) = await StartupRun.StartAsync(StartupRun.Program(options), telegram, arguments, folder);
            }
            else
            {
                app = DigestBotHost.CreateBuilder(arguments, forCommand: false).Build();
                app.MapDigestBot();
                await app.StartAsync();
                await telegram.WaitForArrivalsAsync("getUpdates", 1).WaitAsync(TimeSpan.FromSeconds(30));
            }

            Console.WriteLine(
                $"store: {notes:N0} notes; each update is `{Command}` from a new private chat; fake Telegram without flood limits; " +
                $"sendMessage answered after {sendLatency.TotalMilliseconds:F0} ms; Telegram:ConcurrentChats {chats}; bot {(separate ? "in its own process" : "in this process")}");
            Console.WriteLine(separate
                ? "| run | updates | updates/s | p50 | p99 | max | bot CPU per update | fake and load CPU per update |"
                : "| run | updates | updates/s | p50 | p99 | max | CPU per update (bot, fake and load) |");
            Console.WriteLine(separate ? "|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|");
            var session = new RoundTripSession(telegram, bot, options.Flag("timeline"));

            // Warm-up: JIT (tiered compilation settles after a few hundred calls), connection pool, SQLite page cache.
            // Then two seconds paced as the measured open loop is: its pacing and the fake's long polls woken one
            // update at a time take other code paths than a burst, and the harness re-compiling them (tiered PGO)
            // took a fifth of its CPU during the measured run, on the cores the bot needs.
            await session.OpenLoopAsync(warmup, rate: 0, report: null);
            if (rate > 0)
            {
                await session.OpenLoopAsync(Math.Min(warmup, 2 * rate), rate, report: null);
            }

            await session.SequentialAsync(sequential, "one at a time");
            await session.OpenLoopAsync(updates, rate, $"open loop at {rate:N0}/s");
            await session.OpenLoopAsync(updates, rate: 0, "burst (all queued at once)");
            Console.WriteLine();
            foreach (var line in session.RunNotes)
            {
                Console.WriteLine(line);
            }

            return 0;
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }

            if (bot is not null)
            {
                await StartupRun.StopAsync(bot);
                bot.Dispose();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static List<string> HostArguments(FakeTelegramServer telegram, string store, string folder)
    {
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = store,
            ["Inbox:Path"] = Path.Combine(folder, "inbox"),
            ["Logging:LogLevel:Default"] = "Warning",
            // No slot during the measurement.
            ["Schedule:Cron"] = "0 0 1 1 *",
            ["Telegram:BotToken"] = telegram.Token,
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Telegram:Channel"] = "@bench_channel",
            // The bursts offer up to 10,000 updates at once to measure throughput; under the default limit (1,000) the bot
            // would drop the oldest strangers' updates, as it should under a flood, and the run would wait for answers forever.
            ["Telegram:WebhookQueueLimit"] = "100000",
            ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
            ["Sources:BackfillInterval"] = "1.00:00:00",
            // The fake has no flood limits, and the bot's pacer (30 sends a second by Telegram's rules) would be all
            // that is measured: the round trip is measured without it.
            ["Telegram:Pacing:PerChatInterval"] = "00:00:00",
            ["Telegram:Pacing:GroupWindow"] = "00:00:00",
            ["Telegram:Pacing:GlobalWindow"] = "00:00:00",
            // Each run's senders are new: the per-sender limits must remember all of them (10,000 by default, past
            // which a newcomer is not answered), or the measurement would wait for answers that never come.
            ["Chat:Limits:Tracked"] = "1000000",
        };
        return settings.Select(kv => $"--{kv.Key}={kv.Value}").ToList();
    }

    /// <summary>Each run starts a new fake whose update ids start over: forget the stored offset and the handled ids.</summary>
    internal static void ResetChatState(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE key = 'telegram.update_offset'; DELETE FROM handled_updates; DELETE FROM pending_updates;";
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }
}
