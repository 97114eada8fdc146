namespace DigestBot.Benchmarks;

/// <summary>
/// Rejects what Telegram's MarkdownV2 parse mode rejects ("can't parse entities"), written from the Bot API's
/// formatting options: outside entities every one of <c>_ * [ ] ( ) ~ ` &gt; # + - = | { } . !</c> must be escaped
/// with <c>\</c> (a <c>&gt;</c> may start a line as a quote, <c>!</c> may start <c>![emoji](…)</c>); a <c>\</c> before
/// any character 1–126 makes it literal; inside <c>`code`</c> and <c>```pre```</c> only <c>`</c> and <c>\</c> matter;
/// inside a link's <c>(…)</c> only <c>)</c> and <c>\</c>; <c>* _ __ ~ ||</c> toggle entities, a marker that does not
/// close the innermost open entity opens a new one, and every entity must be closed by the end of the text.
/// </summary>
internal static class MarkdownV2Checker
{
    private const string Reserved = "_*[]()~`>#+-=|{}.!";

    public static IReadOnlyList<string> Problems(string text, int maxVisible = 4096)
    {
        var problems = new List<string>();
        var open = new Stack<string>();
        var visible = 0;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var atLineStart = lineStart;
            lineStart = c == '\n';
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is >= '\u0001' and <= '\u007e')
            {
                visible++;
                i++;
                continue;
            }

            if (!Reserved.Contains(c))
            {
                visible++;
                continue;
            }

            switch (c)
            {
                case '`':
                    var fence = string.CompareOrdinal(text, i, "```", 0, 3) == 0 ? "```" : "`";
                    var end = FindUnescaped(text, i + fence.Length, fence);
                    if (end < 0)
                    {
                        problems.Add($"can't find end of {(fence == "`" ? "Code" : "Pre")} entity at {i}");
                        return Finish(problems, open, visible, maxVisible, stop: true);
                    }

                    visible += end - i - fence.Length;
                    i = end + fence.Length - 1;
                    break;
                case '[':
                    open.Push("[");
                    break;
                case ']':
                    if (open.Count == 0 || open.Peek() != "[")
                    {
                        problems.Add($"unescaped ']' at {i}");
                        break;
                    }

                    open.Pop();
                    if (i + 1 >= text.Length || text[i + 1] != '(')
                    {
                        problems.Add($"link text without (url) at {i}");
                        break;
                    }

                    var close = FindUnescaped(text, i + 2, ")");
                    if (close < 0)
                    {
                        problems.Add($"can't find end of a URL at {i + 1}");
                        return Finish(problems, open, visible, maxVisible, stop: true);
                    }

                    i = close;
                    break;
                case '!' when i + 1 < text.Length && text[i + 1] == '[':
                    break;
                case '>' when atLineStart:
                    break;
                case '*' when atLineStart && string.CompareOrdinal(text, i, "**>", 0, 3) == 0:
                    i += 2;
                    break;
                case '*':
                    Toggle(open, "*");
                    break;
                case '~':
                    Toggle(open, "~");
                    break;
                case '_':
                    if (i + 1 < text.Length && text[i + 1] == '_')
                    {
                        Toggle(open, "__");
                        i++;
                    }
                    else
                    {
                        Toggle(open, "_");
                    }

                    break;
                case '|':
                    if (i + 1 < text.Length && text[i + 1] == '|')
                    {
                        Toggle(open, "||");
                        i++;
                    }
                    else
                    {
                        problems.Add($"unescaped '|' at {i}");
                    }

                    break;
                default:
                    problems.Add($"unescaped '{c}' at {i}");
                    break;
            }
        }

        return Finish(problems, open, visible, maxVisible, stop: false);
    }

    private static void Toggle(Stack<string> open, string marker)
    {
        if (open.Count > 0 && open.Peek() == marker)
        {
            open.Pop();
        }
        else
        {
            open.Push(marker);
        }
    }

    /// <summary>The next <paramref name="marker"/> from <paramref name="from"/> not preceded by an escaping <c>\</c>.</summary>
    private static int FindUnescaped(string text, int from, string marker)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> Finish(List<string> problems, Stack<string> open, int visible, int maxVisible, bool stop)
    {
        if (!stop && open.Count > 0)
        {
            problems.Add($"can't find end of entity {string.Join(", ", open)}");
        }

        if (visible == 0)
        {
            problems.Add("message text is empty");
        }
        else if (visible > maxVisible)
        {
            problems.Add($"visible text is {visible} characters, over {maxVisible}");
        }

        return problems;
    }
}
