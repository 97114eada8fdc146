using System.Text.RegularExpressions;

namespace DigestBot.Notes;

/// <summary>
/// Recognises arXiv identifiers in links and free text. Ids are returned without their
/// version so the same paper dedupes whichever version a curator happened to link.
/// </summary>
internal static partial class ArxivId
{
    // Archives that existed before the April 2007 id scheme; listing them keeps
    // "owner/1234567"-looking paths in arbitrary text from being taken for papers.
    private const string OldArchives =
        "acc-phys|adap-org|alg-geom|ao-sci|astro-ph|atom-ph|bayes-an|chao-dyn|chem-ph|cmp-lg|comp-gas|cond-mat|cs|" +
        "dg-ga|funct-an|gr-qc|hep-ex|hep-lat|hep-ph|hep-th|math-ph|math|mtrl-th|nlin|nucl-ex|nucl-th|patt-sol|" +
        "physics|plasm-ph|q-alg|q-bio|q-fin|quant-ph|solv-int|stat|supr-con";

    private static readonly HashSet<string> ArxivHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "arxiv.org", "www.arxiv.org", "export.arxiv.org",
    };

    private static readonly HashSet<string> PaperPageHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "huggingface.co", "www.huggingface.co", "hf.co",
    };

    private static readonly HashSet<string> AlphaxivHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "alphaxiv.org", "www.alphaxiv.org",
    };

    [GeneratedRegex(@"^(?<yymm>\d{4})\.(?<num>\d{4,5})(?:v\d+)?$")]
    private static partial Regex NewIdExact();

    [GeneratedRegex(@"^(?<archive>" + OldArchives + @")(?:\.[A-Za-z]{2}(?:-[a-z]{2})?)?/(?<num>\d{7})(?:v\d+)?$")]
    private static partial Regex OldIdExact();

    [GeneratedRegex(@"https?://\S+|(?<![\w.@/-])(?:[\w-]+\.)*(?:arxiv\.org|huggingface\.co|hf\.co|alphaxiv\.org)/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"(?<![\w./-])(?<id>\d{4}\.\d{4,5})(?:v\d+)?(?![\w-]|\.\d)")]
    private static partial Regex NewIdInText();

    [GeneratedRegex(@"(?<![\w./-])(?<id>(?:" + OldArchives + @")(?:\.[A-Za-z]{2}(?:-[a-z]{2})?)?/\d{7})(?:v\d+)?(?![\w-]|\.\d)")]
    private static partial Regex OldIdInText();

    public static string AbsUrl(string id) => $"https://arxiv.org/abs/{id}";

    public static bool TryFromUrl(string url, out string id)
    {
        id = "";
        var text = url.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2)
        {
            return false;
        }

        var kind = segments[0].ToLowerInvariant();
        var known = ArxivHosts.Contains(uri.Host) ? kind is "abs" or "pdf" or "html"
            : PaperPageHosts.Contains(uri.Host) ? kind == "papers"
            : AlphaxivHosts.Contains(uri.Host) && kind == "abs";
        if (!known)
        {
            return false;
        }

        var candidate = string.Join('/', segments.Skip(1));
        if (kind == "pdf" && candidate.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            candidate = candidate[..^4];
        }

        return TryParse(candidate, out id);
    }

    /// <summary>Every distinct id named in the text, in order: in arXiv-like links, and bare (<c>arXiv:2408.00714</c>).</summary>
    public static IEnumerable<string> FindInText(string text)
    {
        var found = new List<(int Index, string Id)>();
        var urlSpans = new List<(int Start, int End)>();
        foreach (Match url in UrlInText().Matches(text))
        {
            urlSpans.Add((url.Index, url.Index + url.Length));
            if (TryFromUrl(TrimUrlPunctuation(url.Value), out var id))
            {
                found.Add((url.Index, id));
            }
        }

        // An id-shaped path inside some other site's link names that site's thing, not a paper.
        bool InsideUrl(int index) => urlSpans.Any(span => index >= span.Start && index < span.End);

        foreach (var match in NewIdInText().Matches(text).Concat(OldIdInText().Matches(text)))
        {
            if (!InsideUrl(match.Index) && TryParse(match.Groups["id"].Value, out var id))
            {
                found.Add((match.Index, id));
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Id).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Accepts a bare id with or without version; returns it without the version.</summary>
    public static bool TryParse(string candidate, out string id)
    {
        id = "";
        var text = candidate.Trim();
        if (text.StartsWith("arxiv:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..].TrimStart();
        }

        var modern = NewIdExact().Match(text);
        if (modern.Success)
        {
            var yymm = int.Parse(modern.Groups["yymm"].ValueSpan);
            var number = modern.Groups["num"].Value;
            var month = yymm % 100;
            // The scheme started in April 2007 and went from 4 to 5 digits in January 2015.
            var digitsExpected = yymm < 1501 ? 4 : 5;
            if (yymm < 704 || month is < 1 or > 12 || number.Length != digitsExpected)
            {
                return false;
            }

            id = $"{modern.Groups["yymm"].Value}.{number}";
            return true;
        }

        var old = OldIdExact().Match(text);
        if (old.Success)
        {
            var number = old.Groups["num"].Value;
            var year = int.Parse(number.AsSpan(0, 2));
            var month = int.Parse(number.AsSpan(2, 2));
            if (month is < 1 or > 12 || year is > 7 and < 91)
            {
                return false;
            }

            // arXiv treats "math.GT/0309136" and "math/0309136" as one paper; the subject class is not part of its identity.
            id = $"{old.Groups["archive"].Value}/{number}";
            return true;
        }

        return false;
    }

    private static string TrimUrlPunctuation(string url)
    {
        // Korean commentary runs words straight into links ("…/2401.10020처럼"); arXiv links are plain ASCII.
        var asciiEnd = 0;
        while (asciiEnd < url.Length && char.IsAscii(url[asciiEnd]))
        {
            asciiEnd++;
        }

        return url[..asciiEnd].TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '"', '\'');
    }
}
