namespace DigestBot.Background;

/// <summary>How long to wait before trying again: doubling from <c>first</c> with each failure, never past <c>max</c>.</summary>
internal static class Backoff
{
    public static TimeSpan After(int failures, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(failures - 1, 0, 30);
        return TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, doublings), max.Ticks));
    }
}
