namespace DigestBot.Storage;

/// <summary>
/// What a lookup lists of a note: its title, date, paper link, where it stands in the queue and its posts. Read
/// without the abstract, commentary, authors or tags, which a listing never shows.
/// </summary>
internal sealed record NoteSummary(long Id, string Title, DateOnly? Date, string? PaperLink, DateTimeOffset? TakenAt, IReadOnlyList<NotePost> Posts)
{
    public bool IsPosted => Posts.Count > 0;

    public DateTimeOffset? PostedAt => Posts.Min(p => p.SentAt);

    /// <summary>The first permalink of a post, for lookups that link to it.</summary>
    public string? PostLink => Posts.FirstOrDefault(p => p.Permalink is not null)?.Permalink;
}

/// <summary>One sent delivery of a note: where it went, its link there if the platform gives one, and when.</summary>
internal sealed record NotePost(string Destination, string? Permalink, DateTimeOffset? SentAt);
