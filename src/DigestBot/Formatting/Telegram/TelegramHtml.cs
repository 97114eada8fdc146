using System.Text;
using DigestBot.Formatting.Telegram.Renderers;
using Markdig;

namespace DigestBot.Formatting.Telegram;

/// <summary>The one place that knows how Telegram's HTML parse mode escapes text.</summary>
internal static class TelegramHtml
{
    public const int MaxVisibleLength = 4096;

    public static string Escape(string text) => Escape(text, quotes: false);

    /// <summary>For attribute values, which we always quote with <c>"</c>.</summary>
    public static string EscapeAttribute(string value) => Escape(value, quotes: true);

    /// <summary>Commentary (or a chat answer) as Telegram HTML, without any length limit applied.</summary>
    public static string MarkdownToHtml(string markdown)
    {
        var writer = TextWriter.Null;
        var renderer = new TelegramHtmlRenderer(writer);
        renderer.Render(Markdown.Parse(markdown, CommentaryMarkdown.Pipeline));
        return MarkupPacker.Serialize(renderer.Markup.Tokens, Escape);
    }

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
        if (text.AsSpan().IndexOfAny("<>&\"") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '&': escaped.Append("&amp;"); break;
                case '"' when quotes: escaped.Append("&quot;"); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }
}
