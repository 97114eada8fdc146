using Microsoft.AspNetCore.Html;

namespace DigestBot.Web;

/// <summary>One posted note as the archive shows it; every string is plain text except <see cref="Commentary"/>.</summary>
public sealed record NoteCard(ArchiveText Text, long Id, string Title, string Href)
{
    /// <summary>Shown alone at its own address: the title is the page's heading.</summary>
    public bool IsPage { get; init; }

    public string Authors { get; init; } = "";

    /// <summary>When the note was first posted, UTC: <c>yyyy-MM-dd</c> to show, and ISO 8601 for <c>datetime</c>.</summary>
    public string Date { get; init; } = "";

    public string DateTime { get; init; } = "";

    public LinkView? Paper { get; init; }

    /// <summary>The note's other links, after the paper's.</summary>
    public IReadOnlyList<LinkView> Links { get; init; } = [];

    /// <summary>The commentary's Markdown as HTML from <see cref="ArchiveMarkdown"/>: no raw HTML, http(s) links only.</summary>
    public IHtmlContent Commentary { get; init; } = HtmlString.Empty;

    public string Abstract { get; init; } = "";

    public IReadOnlyList<LinkView> Tags { get; init; } = [];

    public string? TelegramPost { get; init; }

    public string? SlackPost { get; init; }
}
