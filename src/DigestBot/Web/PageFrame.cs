namespace DigestBot.Web;

/// <summary>What every archive page's layout shows: the site's name, the page's title, navigation and head tags.</summary>
public sealed record PageFrame(ArchiveText Text, string SiteTitle, string Title, string Description)
{
    public required string StyleSheet { get; init; }

    public required string Home { get; init; }

    public required string Tags { get; init; }

    /// <summary>The search form's address; null in the static export, which cannot search.</summary>
    public string? Search { get; init; }

    public required string Feed { get; init; }

    /// <summary>This page's feed, when it has one of its own (a tag's).</summary>
    public string? PageFeed { get; init; }

    /// <summary>The page's absolute address, when the archive knows its own.</summary>
    public string? Canonical { get; init; }

    /// <summary>OpenGraph (<c>og:</c>, as <c>property</c>) and Twitter card (as <c>name</c>) tags.</summary>
    public IReadOnlyList<MetaTag> Meta { get; init; } = [];

    /// <summary>What the search box holds.</summary>
    public string Query { get; init; } = "";

    /// <summary>Pages past the first of a list, and error pages, are not for search engines to index.</summary>
    public bool NoIndex { get; init; }

    public string HeadTitle => Title == SiteTitle ? SiteTitle : $"{Title} — {SiteTitle}";
}
