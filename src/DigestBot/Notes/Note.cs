namespace DigestBot.Notes;

/// <summary>A paper note as the curator wrote it; stored once, delivered once per destination.</summary>
internal sealed record Note
{
    public required string Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string Abstract { get; init; } = "";
    /// <summary>The paper link first, then any others the note gives.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
    public string? ArxivId { get; init; }
    /// <summary>CommonMark with autolinks, any language.</summary>
    public string Commentary { get; init; } = "";
    /// <summary>Canonical tags (see <see cref="Tag.Canonical"/>), in the order written, without repeats.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
    public DateOnly? Date { get; init; }
    public NoteSource Source { get; init; } = NoteSource.Unknown;

    public string? PaperLink => Links.Count > 0 ? Links[0] : null;
}
