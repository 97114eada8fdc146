using System.Diagnostics;

namespace DigestBot.Benchmarks;

/// <summary>
/// How long the harness itself (the fake Telegram server and the load generator) stood still during a run: a thread
/// that wakes every millisecond notes each gap over 15 ms, and how much of it was this process's garbage collection.
/// Latency is measured at the fake, so such a pause shows in p99 and max although the bot did nothing wrong.
/// </summary>
internal sealed class HarnessPauses : IDisposable
{
    private const double NotedMs = 15;
    private readonly List<(double GapMs, double GcMs)> gaps = [];
    private readonly Thread thread;
    private readonly TimeSpan gcAtStart = GC.GetTotalPauseDuration();
    private volatile bool stopped;

    private HarnessPauses()
    {
        thread = new Thread(Watch) { IsBackground = true, Priority = ThreadPriority.Highest, Name = "harness pauses" };
        thread.Start();
    }

    public static HarnessPauses Start() => new();

    /// <summary>Stops watching and says what was seen, in one line.</summary>
    public string Stop(string run)
    {
        Stop();
        lock (gaps)
        {
            var longest = gaps.Count > 0 ? gaps.Max(g => g.GapMs) : 0;
            return $"{run}: the harness stood still {gaps.Count} time(s) for over {NotedMs:F0} ms, longest {longest:F0} ms, " +
                $"{gaps.Sum(g => g.GapMs):F0} ms in all, {gaps.Sum(g => g.GcMs):F0} ms of it in its own GC " +
                $"(GC paused it {(GC.GetTotalPauseDuration() - gcAtStart).TotalMilliseconds:F0} ms in all during the run)";
        }
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        if (!stopped)
        {
            stopped = true;
            thread.Join();
        }
    }

    private void Watch()
    {
        var clock = Stopwatch.StartNew();
        var last = clock.Elapsed.TotalMilliseconds;
        var gc = GC.GetTotalPauseDuration();
        while (!stopped)
        {
            Thread.Sleep(1);
            var now = clock.Elapsed.TotalMilliseconds;
            var gcNow = GC.GetTotalPauseDuration();
            if (now - last > NotedMs)
            {
                lock (gaps)
                {
                    gaps.Add((now - last, (gcNow - gc).TotalMilliseconds));
                }
            }

            last = now;
            gc = gcNow;
        }
    }
}
