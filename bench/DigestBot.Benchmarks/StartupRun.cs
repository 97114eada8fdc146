using System.Diagnostics;
using System.Globalization;
using DigestBot.Tests;
using DigestBot.Tests.Platforms.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>startup [--runs 5] [--notes 100000] [--lookups 1000] [--program path]</c>: the built program as its own process
/// (<c>dotnet DigestBot.dll run</c>, Production environment) against a fake Telegram server on loopback.
/// Measures the time from <c>Process.Start</c> to the first <c>getUpdates</c> call, resident memory (VmRSS)
/// once idle after start with an empty store, and again with the cached store of 100,000 notes after 1,000
/// lookups (<c>/tag</c>, <c>/search</c>, <c>/tags</c>) have been answered.
/// </summary>
internal static class StartupRun
{
    // Mostly the lookups people make: a tag page or a selective search. Common-word searches are measured by `latency`.
    private static readonly string[] Lookups = ["/tag korean-nlp", "/tag diffusion 3", "/search 4242", "/tag llm 7", "/tag agents", "/search 1234"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var runs = options.Int("runs", 5);
        var notes = options.Int("notes", LookupBenchmarks.StoredNotes);
        var lookups = options.Int("lookups", 1_000);
        var program = Program(options);
        Console.WriteLine($"program: {program}");

        var starts = new List<double>();
        var idle = new List<long>();
        for (var run = 0; run < runs; run++)
        {
            var folder = BenchServices.NewFolder("startup");
            try
            {
                await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(keepBodies: false));
                var (process, toFirstPoll) = await StartAsync(program, telegram, Path.Combine(folder, "data", "digestbot.db"), folder);
                using (process)
                {
                    starts.Add(toFirstPoll.TotalMilliseconds);
                    await Task.Delay(TimeSpan.FromSeconds(3));
                    idle.Add(Rss(process.Id));
                    await StopAsync(process);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        Console.WriteLine($"start to first getUpdates ({runs} runs): median {Percentiles.Of(starts, 50):F0} ms, max {starts.Max():F0} ms " +
            $"[{string.Join(", ", starts.Select(s => s.ToString("F0", CultureInfo.InvariantCulture)))}]");
        Console.WriteLine($"idle after start, empty store: VmRSS median {Mib(Percentiles.Of(idle.Select(i => (double)i).ToList(), 50))}");

        var store = await LargeStore.EnsureAsync(notes, Console.Out);
        RoundTripRun.ResetChatState(store);
        var loadedFolder = BenchServices.NewFolder("startup");
        try
        {
            await using var telegram = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(keepBodies: false));
            var (process, toFirstPoll) = await StartAsync(program, telegram, store, loadedFolder);
            using (process)
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                var before = Rss(process.Id);
                var watch = Stopwatch.StartNew();
                for (var i = 0; i < lookups; i++)
                {
                    telegram.EnqueueMessage(1 + i % 50, Lookups[i % Lookups.Length], fromUserId: 1 + i % 50);
                }

                await telegram.WaitForArrivalsAsync("sendMessage", lookups).WaitAsync(TimeSpan.FromMinutes(5));
                var served = watch.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(3));
                Console.WriteLine($"{notes:N0} notes: start to first getUpdates {toFirstPoll.TotalMilliseconds:F0} ms; VmRSS idle {Mib(before)}; " +
                    $"{lookups:N0} lookups answered in {served.TotalSeconds:F1} s; then VmRSS {Mib(Rss(process.Id))} (peak VmHWM {Mib(Rss(process.Id, "VmHWM:"))})");
                await StopAsync(process);
            }
        }
        finally
        {
            Directory.Delete(loadedFolder, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// The bot to run: <c>--program</c>, another build of it (a <c>.dll</c>, or the native executable
    /// <c>dotnet publish -p:PublishAot=true</c> makes), else the <c>DigestBot.dll</c> built beside the bench.
    /// </summary>
    internal static string Program(VerbArguments options) =>
        Path.GetFullPath(options.String("program", Path.Combine(AppContext.BaseDirectory, "DigestBot.dll")));

    private static Task<(Process Process, TimeSpan ToFirstPoll)> StartAsync(string program, FakeTelegramServer telegram, string database, string folder) =>
        StartAsync(program, telegram, RoundTripRun.HostArguments(telegram, database, folder), folder);

    /// <summary>Starts <paramref name="program"/> <c>run</c> in <paramref name="folder"/> with <paramref name="arguments"/>; waits for its first <c>getUpdates</c>.</summary>
    internal static async Task<(Process Process, TimeSpan ToFirstPoll)> StartAsync(string program, FakeTelegramServer telegram, IEnumerable<string> arguments, string folder)
    {
        // A .dll runs on the shared runtime; anything else is taken as a native (AOT-published) executable.
        var info = BuiltProgram.StartInfo(program, ["run", .. arguments]);
        info.WorkingDirectory = folder;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        // BOT_X=v sets X=v for the bot's process only, such as BOT_DOTNET_gcServer=0 or BOT_DOTNET_PerfMapEnabled=1.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => ((string)e.Key, (string?)e.Value)))
        {
            if (name.StartsWith("BOT_", StringComparison.Ordinal))
            {
                info.Environment[name["BOT_".Length..]] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line && (line.Contains("fail", StringComparison.Ordinal) || line.Contains("crit", StringComparison.Ordinal)))
            {
                Console.Error.WriteLine("  program: " + line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await telegram.WaitForArrivalsAsync("getUpdates", 1).WaitAsync(TimeSpan.FromSeconds(60));
        return (process, watch.Elapsed);
    }

    internal static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>A field of <c>/proc/PID/status</c> in bytes.</summary>
    private static long Rss(int pid, string field = "VmRSS:")
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string Mib(double bytes) => (bytes / 1024 / 1024).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
}
