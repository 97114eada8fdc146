namespace DigestBot.Web;

/// <summary>Where a paged list goes next: null where there is no newer or older page.</summary>
public sealed record Pager(int Page, int PageCount, string? Newer, string? Older);
