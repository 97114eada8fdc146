namespace DigestBot.Chat;

/// <summary>
/// One note in a lookup answer. <see cref="ChatReplyLayout"/> fills in what a platform shows as it is: the number,
/// the post link for the asking platform, and the words for when it goes out or went out.
/// </summary>
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

    /// <summary>1-based across pages: the eleventh note is 11 on page 2.</summary>
    public int Number { get; init; }

    /// <summary>For a queued note: "goes out 2026-03-02 09:00 Asia/Seoul" or "posting now"; null once posted.</summary>
    public string? When { get; init; }

    /// <summary>For a posted note: "posted 2024-07-30 09:00 UTC"; null while queued.</summary>
    public string? Posted { get; init; }
}
