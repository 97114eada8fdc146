namespace DigestBot.Storage;

/// <summary>
/// One change to one posted message of a note at one destination, carried out by that destination's lane.
/// <see cref="MessageId"/> is the platform's id of the message (null for <see cref="MessageEditKind.Send"/> until sent).
/// </summary>
internal sealed record MessageEdit(
    long Id,
    long NoteId,
    string Destination,
    int Part,
    string? MessageId,
    MessageEditKind Kind,
    DeliveryState State,
    string? Reason,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
