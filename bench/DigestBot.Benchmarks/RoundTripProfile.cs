using System.Diagnostics;
using System.Globalization;
using DigestBot.Chat;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>roundtrip-profile [--notes 1000] [--calls 500]</c>: the store work behind each update, timed alone: claiming
/// its update id (one commit per update, just before it is handled), answering <c>/tag llm</c>, and storing an offset
/// (one commit per <c>getUpdates</c> batch).
/// </summary>
internal static class RoundTripProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var notes = options.Int("notes", 1_000);
        var calls = options.Int("calls", 500);
        var store = await LargeStore.EnsureAsync(notes, Console.Out);
        RoundTripRun.ResetChatState(store);
        await using var services = BenchServices.Create(store);
        var handled = services.GetRequiredService<HandledUpdateStore>();
        var state = services.GetRequiredService<DeliveryStore>();
        var handler = services.GetRequiredService<ChatCommandHandler>();
        var message = LookupBenchmarks.Reader(RoundTripRun.Command);
        await Section("claim update id (INSERT handled_updates)", calls, i => handled.TryClaimAsync("telegram", "p" + i.ToString(CultureInfo.InvariantCulture), CancellationToken.None));
        await Section($"answer {RoundTripRun.Command} ({notes:N0} notes)", calls, _ => handler.HandleAsync(message, CancellationToken.None));
        await Section("store offset (UPSERT bot_state)", calls, async i =>
        {
            await state.SetStateAsync("bench.offset", i.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
            return true;
        });
        RoundTripRun.ResetChatState(store);
        return 0;
    }

    private static async Task Section<T>(string name, int calls, Func<int, Task<T>> call)
    {
        for (var i = 0; i < 20; i++)
        {
            await call(-1 - i);
        }

        var times = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var watch = Stopwatch.StartNew();
            await call(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"{name,-48} p50 {Percentiles.Ms(Percentiles.Of(times, 50)),10}  p99 {Percentiles.Ms(Percentiles.Of(times, 99)),10}");
    }
}
