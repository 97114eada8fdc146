using System.Threading.RateLimiting;

namespace DigestBot.Chat;

/// <summary>
/// One token bucket per key (a sender or a chat), full again when a new window of the injected clock begins.
/// The buckets never replenish by themselves (<see cref="TokenBucketRateLimiterOptions.AutoReplenishment"/> off): no
/// timer runs per key and tests move time with a fake clock. At most <c>tracked</c> keys are kept: a bucket from an
/// earlier window is as good as a new one, so those go first; past that, newcomers share one bucket, so a stranger
/// sending from many ids cannot grow memory, only crowd the other newcomers for one window.
/// </summary>
internal sealed class ChatLimitBuckets(int permits, TimeSpan window, int tracked) : IDisposable
{
    private readonly Dictionary<string, Bucket> buckets = new(StringComparer.Ordinal);
    private Bucket? overflow;
    private long purgedIn = -1;

    public int Count => buckets.Count;

    /// <summary>Takes one permit for <paramref name="key"/>; not thread-safe, the caller serialises.</summary>
    public ChatLimitVerdict Take(string key, long windowIndex)
    {
        var bucket = Find(key, windowIndex);
        if (bucket.Window < windowIndex)
        {
            // A fresh bucket starts full: TryReplenish would measure the time elapsed on the real clock, not ours.
            bucket.Limiter.Dispose();
            bucket.Limiter = NewLimiter();
            bucket.Window = windowIndex;
            bucket.Told = false;
        }

        using var lease = bucket.Limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return ChatLimitVerdict.Allowed;
        }

        if (bucket.Told)
        {
            return ChatLimitVerdict.Silent;
        }

        bucket.Told = true;
        return ChatLimitVerdict.SlowDown;
    }

    public void Dispose()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Limiter.Dispose();
        }

        overflow?.Limiter.Dispose();
        buckets.Clear();
    }

    private Bucket Find(string key, long windowIndex)
    {
        if (buckets.TryGetValue(key, out var known))
        {
            return known;
        }

        // Once per window at most: under a flood of new keys the purge would otherwise run for every message.
        if (buckets.Count >= tracked && purgedIn < windowIndex)
        {
            purgedIn = windowIndex;
            foreach (var (stale, bucket) in buckets.Where(kv => kv.Value.Window < windowIndex).ToList())
            {
                bucket.Limiter.Dispose();
                buckets.Remove(stale);
            }
        }

        if (buckets.Count >= tracked)
        {
            return overflow ??= New(windowIndex);
        }

        var added = New(windowIndex);
        buckets.Add(key, added);
        return added;
    }

    private Bucket New(long windowIndex) => new(NewLimiter(), windowIndex);

    private TokenBucketRateLimiter NewLimiter() => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = permits,
        TokensPerPeriod = permits,
        ReplenishmentPeriod = window,
        AutoReplenishment = false,
        QueueLimit = 0,
    });

    private sealed class Bucket(TokenBucketRateLimiter limiter, long window)
    {
        public TokenBucketRateLimiter Limiter { get; set; } = limiter;

        public long Window { get; set; } = window;

        /// <summary>The sender was told to slow down in this window; until it ends, they hear nothing more.</summary>
        public bool Told { get; set; }
    }
}
