using System.Diagnostics;
using System.Globalization;
using DigestBot.Hosting;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>roundtrip [--notes 1000] [--updates 2000] [--rate 2000] [--sequential 300]</c>: the real host (as
/// <c>TelegramChatHost</c> starts it in the tests) long-polls a fake Telegram server on loopback whose flood limits
/// are off; each update is <c>/tag llm</c> from its own private chat. Latency is from the fake queueing the update
/// to the bot's <c>sendMessage</c> arriving at the fake. Three runs: one update at a time (latency without queueing),
/// an open loop at <c>--rate</c> updates/s, and a burst of all updates at once (throughput).
/// </summary>
internal static class RoundTripRun
{
    public const string Command = "/tag llm";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var notes = options.Int("notes", 1_000);
        var updates = options.Int("updates", 2_000);
        var rate = options.Int("rate", 2_000);
        var sequential = options.Int("sequential", 300);
        var store = await LargeStore.EnsureAsync(notes, Console.Out);
        ResetChatState(store);

        await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var folder = BenchServices.NewFolder("roundtrip");
        var builder = DigestBotHost.CreateBuilder(HostArguments(telegram, store, folder), forCommand: false);
        await using var app = builder.Build();
        app.MapDigestBot();
        await app.StartAsync();
        try
        {
            await telegram.WaitForArrivalsAsync("getUpdates", 1).WaitAsync(TimeSpan.FromSeconds(30));
            Console.WriteLine($"store: {notes:N0} notes; each update is `{Command}` from a new private chat; fake Telegram without flood limits");
            Console.WriteLine("| run | updates | updates/s | p50 | p99 | max | CPU per update (bot and fake) |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            var chat = 1L;
            var sent = 0;

            // Warm-up: JIT, connection pool, SQLite page cache.
            (chat, sent) = await SequentialAsync(telegram, chat, sent, 50, report: null);
            (chat, sent) = await SequentialAsync(telegram, chat, sent, sequential, "one at a time");
            (chat, sent) = await OpenLoopAsync(telegram, chat, sent, updates, rate, $"open loop at {rate:N0}/s");
            (chat, sent) = await OpenLoopAsync(telegram, chat, sent, updates, rate: 0, "burst (all queued at once)");
            return 0;
        }
        finally
        {
            await app.StopAsync();
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
            ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
            ["Sources:BackfillInterval"] = "1.00:00:00",
        };
        return settings.Select(kv => $"--{kv.Key}={kv.Value}").ToList();
    }

    /// <summary>Each run starts a new fake whose update ids start over: forget the stored offset and the handled ids.</summary>
    internal static void ResetChatState(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_state WHERE key = 'telegram.update_offset'; DELETE FROM handled_updates;";
        command.ExecuteNonQuery();
        SqliteConnection.ClearPool(connection);
    }

    private static async Task<(long Chat, int Sent)> SequentialAsync(FakeTelegramServer telegram, long chat, int sent, int count, string? report)
    {
        var latencies = new List<double>(count);
        var cpu = ProcessCpu();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var queued = DateTimeOffset.UtcNow;
            var id = chat++;
            telegram.EnqueueMessage(id, Command, fromUserId: id);
            await telegram.WaitForArrivalsAsync("sendMessage", ++sent).WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add((DateTimeOffset.UtcNow - queued).TotalMilliseconds);
        }

        if (report is not null)
        {
            Print(report, count, total.Elapsed, ProcessCpu() - cpu, latencies);
        }

        return (chat, sent);
    }

    /// <summary>Queues updates at <paramref name="rate"/> per second (0: all at once), then waits for every answer.</summary>
    private static async Task<(long Chat, int Sent)> OpenLoopAsync(FakeTelegramServer telegram, long chat, int sent, int count, int rate, string report)
    {
        var queuedAt = new Dictionary<string, DateTimeOffset>(count);
        var cpu = ProcessCpu();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate);
                while (total.Elapsed < due)
                {
                    if (due - total.Elapsed > TimeSpan.FromMilliseconds(2))
                    {
                        await Task.Delay(1);
                    }
                    else
                    {
                        Thread.SpinWait(50);
                    }
                }
            }

            var id = chat++;
            queuedAt[id.ToString(CultureInfo.InvariantCulture)] = DateTimeOffset.UtcNow;
            telegram.EnqueueMessage(id, Command, fromUserId: id);
        }

        sent += count;
        await telegram.WaitForArrivalsAsync("sendMessage", sent).WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = total.Elapsed;
        var used = ProcessCpu() - cpu;
        var latencies = telegram.Calls
            .Where(c => c.Method == "sendMessage" && c.ChatId is not null && queuedAt.ContainsKey(c.ChatId))
            .Select(c => (c.At - queuedAt[c.ChatId!]).TotalMilliseconds)
            .ToList();
        Print(report, count, elapsed, used, latencies);
        return (chat, sent);
    }

    /// <summary>CPU time of this process: the host, the fake server and the load generator together.</summary>
    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static void Print(string run, int count, TimeSpan elapsed, TimeSpan cpu, IReadOnlyList<double> latencies) =>
        Console.WriteLine(
            $"| {run} | {count:N0} | {count / elapsed.TotalSeconds:N0} | {Percentiles.Ms(Percentiles.Of(latencies, 50))} | " +
            $"{Percentiles.Ms(Percentiles.Of(latencies, 99))} | {Percentiles.Ms(latencies.Max())} | {Percentiles.Ms(cpu.TotalMilliseconds / count)} |");
}
