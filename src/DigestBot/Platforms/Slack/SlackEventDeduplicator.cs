namespace DigestBot.Platforms.Slack;

/// <summary>
/// Remembers the event and envelope ids seen in the last hour, so a retried or redelivered event is handled once.
/// Slack retries for minutes, not hours; a bounded memory is enough.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int MaxRemembered = 50_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> order = new();

    /// <summary>True the first time an id is offered; false for a repeat.</summary>
    public bool TryClaim(string id)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (order.Count > 0 && (now - order.Peek().At > Window || order.Count >= MaxRemembered))
            {
                var (old, _) = order.Dequeue();
                seen.Remove(old);
            }

            if (!seen.TryAdd(id, now))
            {
                return false;
            }

            order.Enqueue((id, now));
            return true;
        }
    }
}
