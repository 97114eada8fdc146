using System.Buffers;
using DigestBot.Formatting.Renderers;
using Markdig.Syntax;
using DigestBot.Formatting.Telegram.Renderers;

namespace DigestBot.Formatting.Telegram;

/// <summary>The one place that knows how Telegram's HTML parse mode escapes text.</summary>
internal static class TelegramHtml
{
    public const int MaxVisibleLength = 4096;

    private static readonly SearchValues<char> TextSpecials = SearchValues.Create("<>&");
    private static readonly SearchValues<char> AttributeSpecials = SearchValues.Create("<>&\"");

    [ThreadStatic]
    private static TelegramHtmlRenderer? t_renderer;

    public static string Escape(string text) => Escape(text, quotes: false);

    /// <summary>
    /// Text escaped, with every <c>@</c> followed by a word joiner (U+2060): an <c>@name</c> someone typed and the bot
    /// repeats reads the same but is no mention, so it notifies nobody.
    /// </summary>
    public static string EscapeWithoutMentions(string text) => Escape(text.Replace("@", "@\u2060", StringComparison.Ordinal));

    /// <summary>For attribute values, which we always quote with <c>"</c>.</summary>
    public static string EscapeAttribute(string value) => Escape(value, quotes: true);

    /// <summary>Commentary (or a chat answer) as Telegram HTML, without any length limit applied.</summary>
    public static string MarkdownToHtml(string markdown) => MarkupPacker.Serialize(MarkdownToTokens(markdown), Escape);

    /// <summary>Commentary as tokens, from this thread's renderer: valid until the thread's next call.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(string markdown) => MarkdownToTokens(CommentaryMarkdown.Parse(markdown));

    /// <summary>Commentary already parsed by <see cref="CommentaryMarkdown.Parse"/>, as tokens from this thread's renderer.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(MarkdownDocument commentary) =>
        MarkupRenderer.RenderReused(ref t_renderer, static () => new TelegramHtmlRenderer(), commentary);

    /// <summary>The text Telegram counts against its limit: tags removed, entities decoded, in UTF-16 units.</summary>
    public static int VisibleLength(string html)
    {
        var length = 0;
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    i = html.IndexOf('>', i);
                    if (i < 0)
                    {
                        return length;
                    }

                    break;
                case '&':
                    var end = html.IndexOf(';', i);
                    if (end < 0)
                    {
                        length++;
                        break;
                    }

                    length += DecodedLength(html.AsSpan(i + 1, end - i - 1));
                    i = end;
                    break;
                default:
                    length++;
                    break;
            }
        }

        return length;
    }

    private static int DecodedLength(ReadOnlySpan<char> entity)
    {
        if (entity.Length > 1 && entity[0] == '#')
        {
            var number = entity[1] is 'x' or 'X'
                ? int.Parse(entity[2..], System.Globalization.NumberStyles.HexNumber)
                : int.Parse(entity[1..]);
            return number > 0xFFFF ? 2 : 1;
        }

        return 1;
    }

    private static string Escape(string text, bool quotes)
    {
        var first = text.AsSpan().IndexOfAny(quotes ? AttributeSpecials : TextSpecials);
        if (first < 0)
        {
            return text;
        }

        var length = first;
        foreach (var c in text.AsSpan(first))
        {
            length += Entity(c, quotes)?.Length ?? 1;
        }

        return string.Create(length, (text, first, quotes), static (output, state) =>
        {
            var (text, first, quotes) = state;
            text.AsSpan(0, first).CopyTo(output);
            var written = first;
            foreach (var c in text.AsSpan(first))
            {
                if (Entity(c, quotes) is { } entity)
                {
                    entity.CopyTo(output[written..]);
                    written += entity.Length;
                }
                else
                {
                    output[written++] = c;
                }
            }
        });
    }

    private static string? Entity(char c, bool quotes) => c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' when quotes => "&quot;",
        _ => null,
    };
}
