using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>
/// Decides where each of the next queued notes goes (every channel, and the subscribers whose tags it carries) before
/// the store takes them, so no destination's filter runs inside the store's transaction.
/// </summary>
internal static class SlotTaking
{
    public static async Task<IReadOnlyList<StoredNote>> TakeForSlotAsync(
        this DeliveryStore deliveries,
        int count,
        IReadOnlyList<IDestination> destinations,
        DateTimeOffset? slot,
        CancellationToken ct)
    {
        var head = await deliveries.QueueHeadAsync(count, ct);
        var plan = head
            .Select(stored => new PlannedDeliveries(stored.Id, destinations.Where(d => d.Accepts(stored.Note)).Select(d => d.Key).ToList()))
            .ToList();
        return await deliveries.TakeForSlotAsync(plan, slot, ct);
    }
}
