using System.Text;
using DigestBot.Formatting;
using DigestBot.Notes;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// What "all of the note's text" means for the completeness properties: the title, each author,
/// the abstract, each tag as the platform spells it, and the commentary's text as Markdig sees it —
/// every literal, code span, code and HTML block line, raw inline HTML, decoded entity, and
/// autolink address, in document order. Link targets are not text (the label is).
/// Comparison ignores whitespace (a cut may fall on it and parts are trimmed) and the word joiner
/// Slack's escaping adds to break <c>@channel</c>.
/// </summary>
internal static class NoteText
{
    public static IReadOnlyList<string> Fragments(Note note, Func<string, string> tag)
    {
        var fragments = new List<string> { note.Title };
        fragments.AddRange(note.Authors);
        fragments.Add(note.Abstract);
        fragments.AddRange(CommentaryFragments(note.Commentary));
        fragments.AddRange(note.Tags.Select(tag));
        return fragments;
    }

    public static IEnumerable<string> CommentaryFragments(string markdown)
    {
        foreach (var node in Markdown.Parse(markdown, CommentaryMarkdown.Pipeline).Descendants())
        {
            var text = node switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                HtmlInline html => html.Tag,
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                AutolinkInline autolink => autolink.Url,
                CodeBlock or HtmlBlock => ((LeafBlock)node).Lines.ToString(),
                _ => null,
            };
            if (text is not null)
            {
                yield return text;
            }
        }
    }

    /// <summary>The first fragment not found, in order, in <paramref name="visible"/>; null when all are there.</summary>
    public static string? FirstMissing(IEnumerable<string> fragments, string visible, Func<string, string>? normalize = null)
    {
        normalize ??= static s => s;
        var haystack = normalize(Squeeze(visible));
        var from = 0;
        foreach (var fragment in fragments)
        {
            var needle = normalize(Squeeze(fragment));
            if (needle.Length == 0)
            {
                continue;
            }

            var at = haystack.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return fragment;
            }

            from = at + needle.Length;
        }

        return null;
    }

    /// <summary>
    /// Slack's visible text keeps mrkdwn markers and link targets, which may sit inside a fragment
    /// where a section was cut and a marker reopened; these characters are compared nowhere on Slack.
    /// </summary>
    public static string WithoutSlackMarkup(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("*_~`<>|".IndexOf(c) < 0)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string Squeeze(string text)
    {
        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\u2060')
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
