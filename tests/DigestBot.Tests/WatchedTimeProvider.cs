using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests;

/// <summary>
/// A fake clock that knows the timers set on it, so a test can wait until the code under test is waiting for a moment
/// (a slot, the end of a retry_after) before it moves the clock, instead of sleeping and hoping the code got there.
/// </summary>
internal sealed class WatchedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock gate = new();
    private readonly List<WatchedTimer> timers = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this);
        watched.Arm(dueTime);
        lock (gate)
        {
            timers.Add(watched);
        }

        watched.Inner = base.CreateTimer(callback, state, dueTime, period);
        return watched;
    }

    /// <summary>The moments timers set on this clock are due at and have not fired, been changed or been disposed.</summary>
    public IReadOnlyList<DateTimeOffset> PendingTimers()
    {
        var now = GetUtcNow();
        lock (gate)
        {
            return [.. timers.Select(t => t.DueAt).OfType<DateTimeOffset>().Where(due => due > now).Order()];
        }
    }

    /// <summary>Waits (in real time) until something waits on this clock for exactly <paramref name="due"/>.</summary>
    public Task WaitForTimerAsync(DateTimeOffset due, string what) =>
        Eventually.TrueAsync(() => PendingTimers().Contains(due), $"{what} (a timer due at {due:O}; pending: {string.Join(", ", PendingTimers().Select(t => t.ToString("O")))})");

    private void Forget(WatchedTimer timer)
    {
        lock (gate)
        {
            timers.Remove(timer);
        }
    }

    private sealed class WatchedTimer(WatchedTimeProvider clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset? DueAt { get; private set; }

        public void Arm(TimeSpan dueTime) => DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Forget(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            clock.Forget(this);
            return Inner.DisposeAsync();
        }
    }
}
