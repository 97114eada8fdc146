using System.Diagnostics.CodeAnalysis;

namespace DigestBot.Publishing;

/// <summary>
/// Keeps one platform's sends under its rate limits before they are made, so limits are not learned from 429s:
/// a minimum gap per chat, a sliding window per group or channel, and a sliding window across all chats.
/// A send counts from when its answer arrived (in flight, it counts as happening now): the platform stamps
/// it on arrival, which is always earlier, so a slow earlier request can never make two look closer than allowed.
/// </summary>
/// <remarks>
/// Waiters are served by <see cref="SendPriority"/>, first come first served within one, and woken when a permit is
/// given back or the earliest limit they wait for moves — never by polling, so a lower priority cannot take the
/// overall window's free place while a higher one waits for it. A waiter held only by its own chat's limits does not
/// hold up the others: an answer to a reader goes while the channel's next post waits for the channel's gap.
/// </remarks>
internal sealed class SendPacer : IDisposable
{
    // A timer may fire a hair early; never wait less than this, so a recheck cannot spin.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly PacingOptions options;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Permit>> byChat = new(StringComparer.Ordinal);
    private readonly List<Permit> all = [];

    // Waiting sends, highest priority first and in arrival order within one.
    private readonly SortedSet<Waiter> waiters = new(WaiterOrder.Instance);
    private readonly ITimer timer;
    private DateTimeOffset? timerDue;
    private long arrivals;

    public SendPacer(PacingOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Waits until a message may go to <paramref name="chatKey"/>; dispose the permit when the platform has answered.</summary>
    public Task<IDisposable> WaitAsync(string chatKey, bool isGroupOrChannel, SendPriority priority, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            return Task.FromCanceled<IDisposable>(ct);
        }

        var waiter = new Waiter(chatKey, isGroupOrChannel, priority);
        lock (gate)
        {
            waiter.Arrival = arrivals++;
            waiters.Add(waiter);
        }

        Serve();
        if (!waiter.Granted.Task.IsCompleted && ct.CanBeCanceled)
        {
            waiter.Cancellation = ct.Register(() => Cancel(waiter, ct));
        }

        return waiter.Granted.Task;
    }

    /// <summary>How many sends wait for a permit (for tests and benchmarks).</summary>
    internal int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiters.Count;
            }
        }
    }

    /// <summary>Gives out every permit the limits allow, in priority order, and sets the timer for the next one that might.</summary>
    private void Serve()
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            TimeSpan? next = null;
            var global = GlobalWait(now);
            foreach (var waiter in waiters.ToList())
            {
                if (global > TimeSpan.Zero)
                {
                    // Nobody may go before this one: the next free place in the overall window is its.
                    next = Min(next, Max(global, ChatWait(waiter.ChatKey, waiter.IsGroupOrChannel, now)));
                    break;
                }

                var chat = ChatWait(waiter.ChatKey, waiter.IsGroupOrChannel, now);
                if (chat > TimeSpan.Zero)
                {
                    next = Min(next, chat);
                    continue;
                }

                waiters.Remove(waiter);
                waiter.Granted.TrySetResult(Take(waiter.ChatKey));
                // Unregister does not wait for a cancellation running meanwhile (it waits for this lock, and finds the waiter gone).
                waiter.Cancellation.Unregister();
                global = GlobalWait(now);
            }

            if (next is { } wait)
            {
                var due = now + Max(wait, MinimumWait);
                if (timerDue is null || due < timerDue)
                {
                    timerDue = due;
                    timer.Change(due - now, Timeout.InfiniteTimeSpan);
                }
            }
        }
    }

    private void OnTimer()
    {
        lock (gate)
        {
            timerDue = null;
        }

        Serve();
    }

    private void Cancel(Waiter waiter, CancellationToken ct)
    {
        bool removed;
        lock (gate)
        {
            removed = waiters.Remove(waiter);
        }

        if (removed)
        {
            waiter.Granted.TrySetCanceled(ct);
            // It may have been what held the ones after it.
            Serve();
        }
    }

    /// <summary>Takes a permit now if every limit allows it and nobody waits; otherwise says how long until the limits might.</summary>
    internal bool TryEnter(string chatKey, bool isGroupOrChannel, [NotNullWhen(true)] out IDisposable? permit, out TimeSpan wait)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            wait = Max(ChatWait(chatKey, isGroupOrChannel, now), GlobalWait(now));
            if (wait > TimeSpan.Zero || waiters.Count > 0)
            {
                wait = Max(wait, MinimumWait);
                permit = null;
                return false;
            }

            permit = Take(chatKey);
            return true;
        }
    }

    /// <summary>How long the chat's own limits (its gap, and a group's or channel's window) hold its next send.</summary>
    private TimeSpan ChatWait(string chatKey, bool isGroupOrChannel, DateTimeOffset now)
    {
        if (!byChat.TryGetValue(chatKey, out var chat))
        {
            return TimeSpan.Zero;
        }

        var wait = TimeSpan.Zero;
        if (options.PerChatInterval > TimeSpan.Zero && chat.Count > 0)
        {
            wait = Max(wait, chat.Max(p => p.At(now)) + options.PerChatInterval - now);
        }

        if (isGroupOrChannel && options.GroupWindow > TimeSpan.Zero)
        {
            wait = Max(wait, WindowWait(chat, options.GroupMessagesPerWindow, options.GroupWindow, now));
        }

        return wait;
    }

    private TimeSpan GlobalWait(DateTimeOffset now) =>
        options.GlobalWindow > TimeSpan.Zero ? WindowWait(all, options.GlobalMessagesPerWindow, options.GlobalWindow, now) : TimeSpan.Zero;

    private Permit Take(string chatKey)
    {
        var taken = new Permit(this);
        if (!byChat.TryGetValue(chatKey, out var list))
        {
            byChat[chatKey] = list = [];
        }

        list.Add(taken);
        all.Add(taken);
        return taken;
    }

    /// <summary>How long until fewer than <paramref name="limit"/> sends lie within the last <paramref name="window"/>.</summary>
    private static TimeSpan WindowWait(List<Permit> sends, int limit, TimeSpan window, DateTimeOffset now)
    {
        var inWindow = sends.Select(p => p.At(now)).Where(at => now - at < window).OrderDescending().ToList();
        return inWindow.Count < limit ? TimeSpan.Zero : inWindow[limit - 1] + window - now;
    }

    private void Prune(DateTimeOffset now)
    {
        var keep = Max(options.PerChatInterval, Max(options.GroupWindow, options.GlobalWindow));
        all.RemoveAll(Expired);
        foreach (var (key, list) in byChat.ToList())
        {
            list.RemoveAll(Expired);
            if (list.Count == 0)
            {
                byChat.Remove(key);
            }
        }

        bool Expired(Permit p) => !p.InFlight && now - p.At(now) >= keep;
    }

    private void Done(Permit permit)
    {
        lock (gate)
        {
            permit.Finish(time.GetUtcNow());
        }

        Serve();
    }

    public void Dispose() => timer.Dispose();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan? Min(TimeSpan? a, TimeSpan b) => a is { } x && x < b ? x : b;

    private sealed class Permit(SendPacer pacer) : IDisposable
    {
        private DateTimeOffset? answered;

        public bool InFlight => answered is null;

        public DateTimeOffset At(DateTimeOffset now) => answered ?? now;

        public void Finish(DateTimeOffset at) => answered ??= at;

        public void Dispose() => pacer.Done(this);
    }

    private sealed class Waiter(string chatKey, bool isGroupOrChannel, SendPriority priority)
    {
        public string ChatKey => chatKey;

        public bool IsGroupOrChannel => isGroupOrChannel;

        public SendPriority Priority => priority;

        /// <summary>Its place among waiters of the same priority.</summary>
        public long Arrival { get; set; }

        public CancellationTokenRegistration Cancellation { get; set; }

        /// <summary>Completes as soon as the permit is given (callers resume on another thread, never under the pacer's lock).</summary>
        public TaskCompletionSource<IDisposable> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class WaiterOrder : IComparer<Waiter>
    {
        public static readonly WaiterOrder Instance = new();

        public int Compare(Waiter? x, Waiter? y) =>
            x is null || y is null ? Comparer<Waiter?>.Default.Compare(x, y)
            : x.Priority != y.Priority ? x.Priority.CompareTo(y.Priority)
            : x.Arrival.CompareTo(y.Arrival);
    }
}
