using System.Diagnostics.CodeAnalysis;

namespace DigestBot.Publishing;

/// <summary>
/// Keeps one platform's sends under its rate limits before they are made, so limits are not learned from 429s:
/// a minimum gap per chat, a sliding window per group or channel, and a sliding window across all chats.
/// A send counts from when its answer arrived (in flight, it counts as happening now): the platform stamps
/// it on arrival, which is always earlier, so a slow earlier request can never make two look closer than allowed.
/// </summary>
internal sealed class SendPacer(PacingOptions options, TimeProvider time)
{
    // A timer may fire a hair early; never wait less than this, so a recheck cannot spin.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<Permit>> byChat = new(StringComparer.Ordinal);
    private readonly List<Permit> all = [];

    /// <summary>Waits until a message may go to <paramref name="chatKey"/>; dispose the permit when the platform has answered.</summary>
    public async Task<IDisposable> WaitAsync(string chatKey, bool isGroupOrChannel, CancellationToken ct)
    {
        while (true)
        {
            if (TryEnter(chatKey, isGroupOrChannel, out var permit, out var wait))
            {
                return permit;
            }

            await Task.Delay(wait, time, ct);
        }
    }

    /// <summary>Takes a permit now if every limit allows it; otherwise says how long until one might.</summary>
    internal bool TryEnter(string chatKey, bool isGroupOrChannel, [NotNullWhen(true)] out IDisposable? permit, out TimeSpan wait)
    {
        lock (gate)
        {
            var now = time.GetUtcNow();
            Prune(now);
            var chat = byChat.TryGetValue(chatKey, out var list) ? list : [];
            wait = TimeSpan.Zero;
            if (options.PerChatInterval > TimeSpan.Zero && chat.Count > 0)
            {
                wait = Max(wait, chat.Max(p => p.At(now)) + options.PerChatInterval - now);
            }

            if (isGroupOrChannel && options.GroupWindow > TimeSpan.Zero)
            {
                wait = Max(wait, WindowWait(chat, options.GroupMessagesPerWindow, options.GroupWindow, now));
            }

            if (options.GlobalWindow > TimeSpan.Zero)
            {
                wait = Max(wait, WindowWait(all, options.GlobalMessagesPerWindow, options.GlobalWindow, now));
            }

            if (wait > TimeSpan.Zero)
            {
                wait = Max(wait, MinimumWait);
                permit = null;
                return false;
            }

            var taken = new Permit(this);
            if (list is null)
            {
                byChat[chatKey] = list = [];
            }

            list.Add(taken);
            all.Add(taken);
            permit = taken;
            return true;
        }
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
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Permit(SendPacer pacer) : IDisposable
    {
        private DateTimeOffset? answered;

        public bool InFlight => answered is null;

        public DateTimeOffset At(DateTimeOffset now) => answered ?? now;

        public void Finish(DateTimeOffset at) => answered ??= at;

        public void Dispose() => pacer.Done(this);
    }
}
