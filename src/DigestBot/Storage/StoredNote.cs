using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>A note as the store holds it, with where it stands in the queue and where it was posted.</summary>
internal sealed record StoredNote(long Id, Note Note, long QueuePosition, DateTimeOffset? TakenAt, IReadOnlyList<DeliveryRecord> Deliveries)
{
    public bool IsPosted => Deliveries.Any(d => d.State == DeliveryState.Sent);

    public DateTimeOffset? PostedAt => Deliveries.Where(d => d.SentAt is not null).Min(d => d.SentAt);

    /// <summary>The first permalink of a sent delivery, for lookups that link to the post.</summary>
    public string? PostLink => Deliveries.FirstOrDefault(d => d.State == DeliveryState.Sent && d.Permalink is not null)?.Permalink;

    /// <summary>The note as a lookup lists it.</summary>
    public NoteSummary Summary() =>
        new(Id, Note.Title, Note.Date, Note.PaperLink, TakenAt, Deliveries
            .Where(d => d.State == DeliveryState.Sent)
            .Select(d => new NotePost(d.Destination, d.Permalink, d.SentAt))
            .ToList());
}
