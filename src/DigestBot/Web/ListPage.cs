namespace DigestBot.Web;

/// <summary>A page of notes: the front page, a tag's page, a search's results.</summary>
public sealed record ListPage(PageFrame Frame, string Heading)
{
    /// <summary>A line under the heading (a count), or a message when the list is empty.</summary>
    public string? Summary { get; init; }

    public IReadOnlyList<NoteCard> Notes { get; init; } = [];

    public Pager? Pager { get; init; }

    public MonthChart? Chart { get; init; }
}
