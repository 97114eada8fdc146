using System.Diagnostics;
using System.Globalization;
using DigestBot.Tests.Platforms.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>
/// The load side of <see cref="RoundTripRun"/>: sends <c>/tag llm</c> from new private chats, times each answer and
/// prints one table row per run, with CPU time per update (of the bot's own process when it runs apart).
/// </summary>
internal sealed class RoundTripSession(FakeTelegramServer telegram, Process? bot, bool timeline)
{
    private const double SlowMs = 10;
    private readonly List<string> notes = [];
    private long chat = 1;
    private int sent;

    /// <summary>
    /// Lines per open-loop or burst run: how long the harness itself stood still (<see cref="HarnessPauses"/>), how
    /// many <c>getUpdates</c> calls the bot made, and with the timeline the slow stretches of a paced run.
    /// </summary>
    public IReadOnlyList<string> RunNotes => notes;

    /// <summary>One update at a time: the next is queued when the answer to the last has arrived.</summary>
    public async Task SequentialAsync(int count, string report)
    {
        var latencies = new List<double>(count);
        var cpu = Cpu();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var queued = DateTimeOffset.UtcNow;
            var id = chat++;
            telegram.EnqueueMessage(id, RoundTripRun.Command, fromUserId: id);
            await telegram.WaitForArrivalsAsync("sendMessage", ++sent).WaitAsync(TimeSpan.FromSeconds(30));
            latencies.Add((DateTimeOffset.UtcNow - queued).TotalMilliseconds);
        }

        Print(report, count, total.Elapsed, cpu, latencies);
    }

    /// <summary>Queues updates at <paramref name="rate"/> per second (0: all at once), then waits for every answer.</summary>
    public async Task OpenLoopAsync(int count, int rate, string? report)
    {
        // Keyed by chat id, as plain values: the harness keeps nothing its garbage collector has to trace.
        var queuedAt = new Dictionary<long, DateTimeOffset>(count);
        using var pauses = HarnessPauses.Start();
        var cpu = Cpu();
        var polls = telegram.Arrivals("getUpdates");
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // Waits in 1 ms steps rather than spinning: a spinning load generator would take one of the two cores
            // from the bot. Updates due within the same step are queued together.
            var due = rate > 0 ? TimeSpan.FromSeconds((double)i / rate) : TimeSpan.Zero;
            while (total.Elapsed < due)
            {
                await Task.Delay(1);
            }

            var id = chat++;
            queuedAt[id] = DateTimeOffset.UtcNow;
            telegram.EnqueueMessage(id, RoundTripRun.Command, fromUserId: id);
        }

        sent += count;
        await telegram.WaitForArrivalsAsync("sendMessage", sent).WaitAsync(TimeSpan.FromMinutes(5));
        var elapsed = total.Elapsed;
        polls = telegram.Arrivals("getUpdates") - polls;
        var harness = pauses.Stop(report ?? "warm-up");
        if (report is null)
        {
            return;
        }

        // A call is counted on arrival and recorded once answered, a moment later.
        var answers = await AnswersAsync(queuedAt, count);
        // The fake answers 400 to a message Telegram would refuse (HTML it cannot parse, too long, empty).
        if (answers.Count(a => a.StatusCode == 200) != count)
        {
            throw new InvalidOperationException($"{report}: {answers.Count(a => a.StatusCode == 200)} of {count} answers were accepted by the fake");
        }

        var latencies = answers.Select(c => (c.At - queuedAt[c.ChatId]).TotalMilliseconds).ToList();
        Print(report, count, elapsed, cpu, latencies);
        notes.Add(harness);
        notes.Add($"{report}: the bot made {polls:N0} getUpdates calls, {(double)count / Math.Max(polls, 1):F1} updates each");
        if (timeline && rate > 0)
        {
            notes.AddRange(SlowStretches(report, answers, queuedAt));
        }
    }

    /// <summary>The 100 ms stretches of queueing whose slowest answer took over <see cref="SlowMs"/>.</summary>
    private static IEnumerable<string> SlowStretches(string report, List<FakeTelegramAnswer> answers, Dictionary<long, DateTimeOffset> queuedAt)
    {
        var start = queuedAt.Values.Min();
        return answers
            .GroupBy(a => (int)((queuedAt[a.ChatId] - start).TotalMilliseconds / 100))
            .Select(g => (From: g.Key * 100, Count: g.Count(), Slowest: g.Max(a => (a.At - queuedAt[a.ChatId]).TotalMilliseconds)))
            .Where(s => s.Slowest > SlowMs)
            .OrderBy(s => s.From)
            .Select(s => $"{report}: queued at {s.From}-{s.From + 100} ms: {s.Count} updates, slowest answered in {s.Slowest:F1} ms");
    }

    private async Task<List<FakeTelegramAnswer>> AnswersAsync(Dictionary<long, DateTimeOffset> queuedAt, int count)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var answers = telegram.Answers.Where(a => queuedAt.ContainsKey(a.ChatId)).ToList();
            if (answers.Count >= count || waited.Elapsed > TimeSpan.FromSeconds(5))
            {
                return answers;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>CPU time so far of this process (the fake, the load, and the bot unless it runs apart) and of the bot's process.</summary>
    private (TimeSpan Here, TimeSpan Bot) Cpu()
    {
        using var here = Process.GetCurrentProcess();
        bot?.Refresh();
        return (here.TotalProcessorTime, bot?.TotalProcessorTime ?? TimeSpan.Zero);
    }

    private void Print(string run, int count, TimeSpan elapsed, (TimeSpan Here, TimeSpan Bot) before, IReadOnlyList<double> latencies)
    {
        var after = Cpu();
        var here = Percentiles.Ms((after.Here - before.Here).TotalMilliseconds / count);
        var cpu = bot is null ? here : $"{Percentiles.Ms((after.Bot - before.Bot).TotalMilliseconds / count)} | {here}";
        Console.WriteLine(
            $"| {run} | {count:N0} | {count / elapsed.TotalSeconds:N0} | {Percentiles.Ms(Percentiles.Of(latencies, 50))} | " +
            $"{Percentiles.Ms(Percentiles.Of(latencies, 99))} | {Percentiles.Ms(latencies.Max())} | {cpu} |");
    }
}
