namespace DigestBot.Chat;

/// <summary>One note in a lookup answer: enough to show it and link to it on any platform.</summary>
internal sealed record NoteListing(
    long Id,
    string Title,
    DateOnly? Date,
    DateTimeOffset? PostedAt,
    string? PostLink,
    string? PaperLink,
    bool Queued,
    DateTimeOffset? Slot);
