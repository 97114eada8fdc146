namespace DigestBot.Storage;

/// <summary>One page of a lookup's notes (the page asked for, moved onto the last or first page when out of range) and the count of all.</summary>
internal sealed record NotePage(IReadOnlyList<NoteSummary> Notes, int Total, int Page, int PageCount)
{
    /// <summary>The lookup stopped counting: more than <see cref="Total"/> notes match.</summary>
    public bool MoreThanTotal { get; init; }
}
