namespace DigestBot.Storage;

/// <summary>A queued note and the destinations Publishing decided it goes to (already filtered by each subscriber's tags).</summary>
internal sealed record PlannedDeliveries(long NoteId, IReadOnlyList<string> Destinations);
