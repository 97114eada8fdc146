namespace DigestBot.Publishing;

/// <summary>Waiting until a moment on the injected clock.</summary>
internal static class Waits
{
    // A timer may fire a hair before the clock it is measured against says the moment came; never wait less than this.
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Returns at <paramref name="due"/> or later by the clock. Each length is computed from one reading of the clock:
    /// reading it again could find the moment already past, and a negative delay throws (at exactly -1 ms it waits
    /// forever). A timer that fires early is waited again for the rest.
    /// </summary>
    public static async Task UntilAsync(DateTimeOffset due, TimeProvider time, CancellationToken ct)
    {
        while (due - time.GetUtcNow() is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left > MinimumWait ? left : MinimumWait, time, ct);
        }
    }
}
