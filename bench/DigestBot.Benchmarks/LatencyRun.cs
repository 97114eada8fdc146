using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using DigestBot.Chat;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>latency [--notes 100000] [--calls 1000]</c>: each lookup command, as a reader sends it, timed call by call
/// through the command handler against the cached store; prints p50, p99 and max.
/// </summary>
internal static class LatencyRun
{
    public static readonly string[] Commands =
        ["/tag llm", "/tag korean-nlp", "/tag no-such-tag", "/tags", "/search 데이터 엔진", "/search sparse routing", "/search 4242", "/search 모델"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var notes = options.Int("notes", LookupBenchmarks.StoredNotes);
        var calls = options.Int("calls", 1_000);
        var path = await LargeStore.EnsureAsync(notes, Console.Out);
        await using var services = BenchServices.Create(path);
        var handler = services.GetRequiredService<ChatCommandHandler>();
        Console.WriteLine($"store: {notes:N0} notes ({path}); {calls:N0} calls per command after 20 warm-up calls");
        Console.WriteLine("| command | found | p50 | p99 | max |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var command in Commands)
        {
            var message = LookupBenchmarks.Reader(command);
            ChatReply? reply = null;
            for (var i = 0; i < 20; i++)
            {
                reply = await handler.HandleAsync(message, CancellationToken.None);
            }

            // Slow commands get fewer calls so the whole run stays within minutes.
            var first = Stopwatch.StartNew();
            await handler.HandleAsync(message, CancellationToken.None);
            var n = first.Elapsed.TotalMilliseconds > 50 ? Math.Min(calls, 50) : calls;
            var times = new List<double>(n);
            for (var i = 0; i < n; i++)
            {
                var watch = Stopwatch.StartNew();
                await handler.HandleAsync(message, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(
                $"| `{command}` | {reply!.Heading} | {Percentiles.Ms(Percentiles.Of(times, 50))} | {Percentiles.Ms(Percentiles.Of(times, 99))} | {Percentiles.Ms(times.Max())} |" +
                (n < calls ? $" ({n} calls)" : ""));
        }

        return 0;
    }
}
