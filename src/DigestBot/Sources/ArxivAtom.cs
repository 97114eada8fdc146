using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DigestBot.Sources;

/// <summary>Reads arXiv's Atom answers, including the ones that are errors dressed as papers.</summary>
internal static partial class ArxivAtom
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Arxiv = "http://arxiv.org/schemas/atom";

    /// <exception cref="ArxivNotFoundException">The feed holds arXiv's <c>Error</c> entry.</exception>
    /// <exception cref="System.Xml.XmlException">The text is not XML.</exception>
    public static IReadOnlyList<PaperMetadata> Parse(string xml, string query)
    {
        var feed = XDocument.Parse(xml).Root;
        if (feed is null || feed.Name != Atom + "feed")
        {
            throw new FormatException($"Expected an Atom feed, got <{feed?.Name.LocalName}>.");
        }

        var papers = new List<PaperMetadata>();
        // Only entries: the feed's own <link>/<title>/<id> come before them and describe the query.
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var title = Collapse((string?)entry.Element(Atom + "title"));
            var id = (string?)entry.Element(Atom + "id") ?? "";
            if (title == "Error" || id.Contains("/api/errors", StringComparison.Ordinal))
            {
                throw new ArxivNotFoundException(query, Collapse((string?)entry.Element(Atom + "summary")));
            }

            var arxivId = BareId(id);
            if (arxivId.Length == 0 || title.Length == 0)
            {
                // Old API behaviour for well-formed but unknown ids: one entry with nothing in it.
                continue;
            }

            papers.Add(new PaperMetadata(
                arxivId,
                title,
                entry.Elements(Atom + "author").Select(a => Collapse((string?)a.Element(Atom + "name"))).Where(n => n.Length > 0).ToList(),
                Collapse((string?)entry.Element(Atom + "summary")),
                new Uri($"https://arxiv.org/abs/{arxivId}"),
                ParseDate((string?)entry.Element(Atom + "published")),
                Categories(entry)));
        }

        return papers;
    }

    /// <summary><c>http://arxiv.org/abs/2408.00714v2</c> → <c>2408.00714</c>; <c>…/abs/hep-th/9901001v1</c> → <c>hep-th/9901001</c>.</summary>
    public static string BareId(string idOrUrl)
    {
        var text = idOrUrl.Trim();
        var abs = text.IndexOf("/abs/", StringComparison.Ordinal);
        if (abs >= 0)
        {
            text = text[(abs + "/abs/".Length)..];
        }

        return VersionSuffix().Replace(text, "");
    }

    public static string Collapse(string? text) =>
        text is null ? "" : Whitespace().Replace(text, " ").Trim();

    private static List<string> Categories(XElement entry)
    {
        var categories = new List<string>();
        if (entry.Element(Arxiv + "primary_category")?.Attribute("term")?.Value is { Length: > 0 } primary)
        {
            categories.Add(primary);
        }

        foreach (var term in entry.Elements(Atom + "category").Select(c => c.Attribute("term")?.Value))
        {
            if (!string.IsNullOrEmpty(term) && !categories.Contains(term))
            {
                categories.Add(term);
            }
        }

        return categories;
    }

    private static DateTimeOffset? ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"v\d+$")]
    private static partial Regex VersionSuffix();
}
