using System.Text;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// Rejects what Telegram's HTML parse mode rejects, written from the Bot API documentation rather
/// than from our renderer, so that it can disagree with it.
/// </summary>
internal static class TelegramHtmlValidator
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    /// <summary>Every problem found; empty when Telegram would accept the text.</summary>
    public static IReadOnlyList<string> Problems(string html, int maxVisible = 4096)
    {
        var problems = new List<string>();
        var open = new Stack<string>();
        var visible = new StringBuilder();
        for (var i = 0; i < html.Length; i++)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0)
                {
                    problems.Add($"bare '<' at {i}");
                    continue;
                }

                var tag = html[(i + 1)..end];
                if (tag.Contains('<'))
                {
                    problems.Add($"bare '<' at {i}");
                }

                CheckTag(tag, open, problems);
                i = end;
            }
            else if (c == '>')
            {
                problems.Add($"bare '>' at {i}");
            }
            else if (c == '&')
            {
                var end = html.IndexOf(';', i);
                var entity = end < 0 ? "" : html[(i + 1)..end];
                var decoded = Decode(entity);
                if (decoded is null)
                {
                    problems.Add($"bare '&' or unknown entity at {i}");
                    continue;
                }

                visible.Append(decoded);
                i = end;
            }
            else
            {
                if (char.IsHighSurrogate(c) && (i + 1 == html.Length || !char.IsLowSurrogate(html[i + 1])))
                {
                    problems.Add($"lone surrogate at {i}");
                }

                visible.Append(c);
            }
        }

        if (open.Count > 0)
        {
            problems.Add($"unclosed <{string.Join(">, <", open)}>");
        }

        var text = visible.ToString();
        if (text.Length > maxVisible)
        {
            problems.Add($"visible text is {text.Length} UTF-16 units, over {maxVisible}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add("message text is empty");
        }

        return problems;
    }

    /// <summary>The text Telegram shows: tags removed, entities decoded.</summary>
    public static string VisibleText(string html)
    {
        var visible = new StringBuilder();
        for (var i = 0; i < html.Length; i++)
        {
            switch (html[i])
            {
                case '<':
                    i = html.IndexOf('>', i);
                    break;
                case '&':
                    var end = html.IndexOf(';', i);
                    visible.Append(Decode(html[(i + 1)..end]));
                    i = end;
                    break;
                default:
                    visible.Append(html[i]);
                    break;
            }
        }

        return visible.ToString();
    }

    private static string? Decode(string entity) => entity switch
    {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "quot" => "\"",
        _ when entity.StartsWith("#x", StringComparison.OrdinalIgnoreCase) && entity.Length > 2
            && int.TryParse(entity[2..], System.Globalization.NumberStyles.HexNumber, null, out var hex) => char.ConvertFromUtf32(hex),
        _ when entity.StartsWith('#') && entity.Length > 1 && entity[1..].All(char.IsAsciiDigit)
            && int.TryParse(entity[1..], out var number) => char.ConvertFromUtf32(number),
        _ => null,
    };

    private static void CheckTag(string tag, Stack<string> open, List<string> problems)
    {
        if (tag.StartsWith('/'))
        {
            var closing = tag[1..];
            if (open.Count == 0 || open.Peek() != closing)
            {
                problems.Add($"</{closing}> does not close the innermost open tag ({(open.Count == 0 ? "none" : open.Peek())})");
                return;
            }

            open.Pop();
            return;
        }

        var space = tag.IndexOf(' ');
        var name = space < 0 ? tag : tag[..space];
        var attributes = space < 0 ? "" : tag[(space + 1)..];
        if (!Tags.Contains(name))
        {
            problems.Add($"<{name}> is not a Telegram tag");
        }

        if (open.Count > 0 && (open.Peek() == "code" || (open.Peek() == "pre" && name != "code")))
        {
            problems.Add($"<{name}> inside <{open.Peek()}>");
        }

        if (name == "blockquote" && open.Contains("blockquote"))
        {
            problems.Add("nested <blockquote>");
        }

        if (name == "a" && open.Contains("a"))
        {
            problems.Add("nested <a>");
        }

        CheckAttributes(name, attributes, open.Count > 0 ? open.Peek() : null, problems);
        open.Push(name);
    }

    private static void CheckAttributes(string name, string attributes, string? parent, List<string> problems)
    {
        var expected = name switch
        {
            "a" => "href",
            "span" => "class",
            "tg-emoji" => "emoji-id",
            "code" when parent == "pre" => "class?",
            "blockquote" => "expandable?",
            _ => "",
        };

        if (attributes.Length == 0)
        {
            if (expected.Length > 0 && !expected.EndsWith('?'))
            {
                problems.Add($"<{name}> needs {expected}");
            }

            return;
        }

        if (name == "blockquote")
        {
            if (attributes != "expandable")
            {
                problems.Add($"<blockquote {attributes}> has an unknown attribute");
            }

            return;
        }

        var equals = attributes.IndexOf('=');
        if (equals < 0 || attributes[..equals] != expected.TrimEnd('?'))
        {
            problems.Add($"<{name} {attributes}> has an unknown attribute");
            return;
        }

        var value = attributes[(equals + 1)..];
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"' || value[1..^1].Contains('"'))
        {
            problems.Add($"<{name}> attribute value is not one quoted string: {value}");
            return;
        }

        var inner = value[1..^1];
        if (inner.Contains('<') || inner.Contains('>'))
        {
            problems.Add($"<{name}> attribute has a bare < or >");
        }

        var amp = inner.IndexOf('&');
        while (amp >= 0)
        {
            var end = inner.IndexOf(';', amp);
            if (end < 0 || Decode(inner[(amp + 1)..end]) is null)
            {
                problems.Add($"<{name}> attribute has a bare &");
                break;
            }

            amp = inner.IndexOf('&', end);
        }

        if (name == "span" && inner != "tg-spoiler")
        {
            problems.Add("<span> only takes class=\"tg-spoiler\"");
        }

        if (name == "code" && !inner.StartsWith("language-", StringComparison.Ordinal))
        {
            problems.Add("<pre><code> only takes class=\"language-…\"");
        }
    }
}
