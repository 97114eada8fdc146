using System.Text;

namespace DigestBot.Notes;

/// <summary>
/// The identity a note is deduplicated by, whichever format or chat it came from:
/// the arXiv id when known, else the paper link, else the title.
/// </summary>
internal static class NoteKey
{
    public static string For(Note note)
    {
        if (!string.IsNullOrWhiteSpace(note.ArxivId))
        {
            return "arxiv:" + note.ArxivId.Trim();
        }

        var link = note.Links.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (link is not null)
        {
            return "link:" + NormaliseLink(link);
        }

        return "title:" + NormaliseTitle(note.Title);
    }

    /// <summary>
    /// Lower case, NFKC, every run of whitespace and punctuation as one space: titles
    /// pasted from a PDF, a chat or the arXiv listing compare equal.
    /// </summary>
    public static string NormaliseTitle(string title)
    {
        var folded = title.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsPunctuation(rune) || Rune.IsControl(rune))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Lower-case host, https, no fragment, no trailing slash; path and query kept as written.</summary>
    public static string NormaliseLink(string link)
    {
        var trimmed = link.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            var withoutFragment = trimmed.Split('#')[0];
            return withoutFragment.TrimEnd('/');
        }

        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        var path = uri.AbsolutePath.TrimEnd('/');
        return $"https://{uri.Host.ToLowerInvariant()}{port}{path}{uri.Query}";
    }
}
