using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>A note as the store holds it, with where it stands in the queue and where it was posted.</summary>
internal sealed record StoredNote(long Id, Note Note, long QueuePosition, DateTimeOffset? TakenAt, IReadOnlyList<DeliveryRecord> Deliveries)
{
    public bool IsPosted => Deliveries.Any(d => d.State == DeliveryState.Sent);

    /// <summary>The note as a lookup lists it.</summary>
    public NoteSummary Summary() =>
        new(Id, Note.Title, Note.Date, Note.PaperLink, TakenAt, Deliveries
            .Where(d => d.State == DeliveryState.Sent)
            .Select(d => new NotePost(d.Destination, d.Permalink, d.SentAt))
            .ToList());
}
