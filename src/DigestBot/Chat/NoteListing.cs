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
    DateTimeOffset? Slot)
{
    /// <summary>Every link to a post of this note, by destination key, so each platform can link to its own.</summary>
    public IReadOnlyDictionary<string, string> PostLinks { get; init; } = new Dictionary<string, string>();
}
