using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>A simple version of Telegram's HTML parse mode: allowed tags, balanced nesting, visible text.</summary>
internal static partial class FakeTelegramHtml
{
    private static readonly HashSet<string> Allowed =
    [
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote",
    ];

    // Parse is a function of the text alone; the benchmarks send the same answer thousands of times.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string? Visible, string? Error)> Parsed = new(StringComparer.Ordinal);

    /// <summary>The visible text, or an error phrased like Telegram's <c>can't parse entities</c>.</summary>
    public static (string? Visible, string? Error) Parse(string html)
    {
        if (Parsed.TryGetValue(html, out var known))
        {
            return known;
        }

        if (Parsed.Count >= 1_024)
        {
            Parsed.Clear();
        }

        return Parsed[html] = ParseUncached(html);
    }

    private static (string? Visible, string? Error) ParseUncached(string html)
    {
        var visible = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                var match = end < 0 ? Match.Empty : Tag().Match(html[i..(end + 1)]);
                if (!match.Success)
                {
                    return (null, $"Unsupported start tag \"{Snippet(html, i)}\" at byte offset {ByteOffset(html, i)}");
                }

                var name = match.Groups["name"].Value.ToLowerInvariant();
                var attributes = match.Groups["attrs"].Value;
                if (match.Groups["close"].Success)
                {
                    if (open.Count == 0 || open.Peek() != name)
                    {
                        var expected = open.Count == 0 ? "nothing" : $"\"</{open.Peek()}>\"";
                        return (null, $"Unmatched end tag at byte offset {ByteOffset(html, i)}, expected {expected}, found \"</{name}>\"");
                    }

                    open.Pop();
                }
                else
                {
                    var problem = !Allowed.Contains(name) ? "Unsupported start tag"
                        : name == "a" && !attributes.Contains("href=", StringComparison.Ordinal) ? "Tag \"a\" must have attribute \"href\""
                        : name == "span" && !attributes.Contains("class=\"tg-spoiler\"", StringComparison.Ordinal) ? "Tag \"span\" must have class \"tg-spoiler\""
                        : name == "tg-emoji" && !attributes.Contains("emoji-id=", StringComparison.Ordinal) ? "Tag \"tg-emoji\" must have attribute \"emoji-id\""
                        : null;
                    if (problem is not null)
                    {
                        return (null, $"{problem} \"{name}\" at byte offset {ByteOffset(html, i)}");
                    }

                    open.Push(name);
                }

                i = end + 1;
            }
            else if (c == '&' && Entity().Match(html, i) is { Success: true } entity && entity.Index == i)
            {
                visible.Append(WebUtility.HtmlDecode(entity.Value));
                i += entity.Length;
            }
            else if (c == '>')
            {
                return (null, $"Unexpected end tag at byte offset {ByteOffset(html, i)}");
            }
            else
            {
                visible.Append(c);
                i++;
            }
        }

        return open.Count > 0
            ? (null, $"Can't find end tag corresponding to start tag \"{open.Peek()}\"")
            : (visible.ToString(), null);
    }

    private static int ByteOffset(string text, int index) => Encoding.UTF8.GetByteCount(text.AsSpan(0, index));

    private static string Snippet(string text, int index) => text.Substring(index + 1, Math.Min(10, text.Length - index - 1));

    [GeneratedRegex(@"^<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9-]*)(?<attrs>(\s+[a-zA-Z-]+(=(""[^""]*""|'[^']*'|[^\s>]+))?)*)\s*>$")]
    private static partial Regex Tag();

    [GeneratedRegex(@"&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")]
    private static partial Regex Entity();
}
