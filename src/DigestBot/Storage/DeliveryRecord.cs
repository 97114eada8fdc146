namespace DigestBot.Storage;

/// <summary>One note's delivery to one destination; message ids are appended part by part.</summary>
internal sealed record DeliveryRecord(
    long NoteId,
    string Destination,
    DeliveryState State,
    IReadOnlyList<string> MessageIds,
    string? Permalink,
    string? Reason,
    int Attempts,
    DateTimeOffset? SentAt)
{
    public int PartsSent => MessageIds.Count;

    /// <summary>When a slot took the note, where the query read it; deliveries of one slot share it.</summary>
    public DateTimeOffset? TakenAt { get; init; }
}
