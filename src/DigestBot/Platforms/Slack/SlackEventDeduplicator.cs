namespace DigestBot.Platforms.Slack;

/// <summary>
/// Remembers the Socket Mode envelope ids seen in the last hour, so an envelope delivered twice is handled once.
/// Envelope ids only matter while Slack is redelivering, minutes not hours, so a bounded memory is enough;
/// event ids, which must survive a restart, are kept in the database by <see cref="Storage.HandledUpdateStore"/>.
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
