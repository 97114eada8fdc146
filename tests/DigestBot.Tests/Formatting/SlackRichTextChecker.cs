using System.Text;
using System.Text.Json;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// Checks a <c>rich_text</c> block as JSON: only the documented object and element types, the structure Slack accepts
/// (a quote and code hold text and links only; a list holds sections; indent 0–8), explicit styles, http(s) links,
/// no broadcast or mention element and no broadcast word that could ping; and the bounds DigestBot holds a block to
/// (3000 characters of text, 100 text and link elements), independent of the C# types that produced it.
/// </summary>
internal static class SlackRichTextChecker
{
    public const int MaxTextLength = 3000;
    public const int MaxElements = 100;

    private static readonly string[] Broadcasts = ["@channel", "@here", "@everyone"];
    private static readonly string[] Styles = ["bold", "italic", "strike", "code"];

    public static void Check(string where, JsonElement block, List<string> problems)
    {
        var objects = block.GetProperty("elements");
        if (objects.GetArrayLength() == 0)
        {
            problems.Add($"{where}: rich_text without elements");
        }

        var text = 0;
        var elements = 0;
        foreach (var obj in objects.EnumerateArray())
        {
            var type = obj.GetProperty("type").GetString();
            var inner = obj.GetProperty("elements");
            if (inner.GetArrayLength() == 0)
            {
                problems.Add($"{where}: {type} without elements");
            }

            switch (type)
            {
                case "rich_text_section" or "rich_text_quote" or "rich_text_preformatted":
                    CheckElements(where, inner, problems, ref text, ref elements);
                    break;
                case "rich_text_list":
                    var style = obj.GetProperty("style").GetString();
                    var indent = obj.TryGetProperty("indent", out var i) ? i.GetInt32() : 0;
                    if (style is not ("bullet" or "ordered") || indent is < 0 or > 8)
                    {
                        problems.Add($"{where}: list style {style}, indent {indent}; bullet or ordered, 0–8 allowed");
                    }

                    foreach (var item in inner.EnumerateArray())
                    {
                        if (item.GetProperty("type").GetString() != "rich_text_section" || item.GetProperty("elements").GetArrayLength() == 0)
                        {
                            problems.Add($"{where}: a list item must be a rich_text_section with elements");
                            continue;
                        }

                        CheckElements(where, item.GetProperty("elements"), problems, ref text, ref elements);
                    }

                    break;
                default:
                    problems.Add($"{where}: unknown rich text object {type}");
                    break;
            }
        }

        if (text > MaxTextLength || elements > MaxElements)
        {
            problems.Add($"{where}: rich_text holds {text} characters in {elements} elements; at most {MaxTextLength} in {MaxElements}");
        }
    }

    /// <summary>The text a reader sees in the block: each element's text, objects on lines of their own.</summary>
    public static string VisibleText(JsonElement block)
    {
        var visible = new StringBuilder();
        foreach (var obj in block.GetProperty("elements").EnumerateArray())
        {
            var runs = obj.GetProperty("type").GetString() == "rich_text_list"
                ? obj.GetProperty("elements").EnumerateArray().SelectMany(item => item.GetProperty("elements").EnumerateArray())
                : obj.GetProperty("elements").EnumerateArray();
            foreach (var run in runs)
            {
                visible.Append(run.GetProperty("text").GetString());
            }

            visible.Append('\n');
        }

        return visible.ToString();
    }

    private static void CheckElements(string where, JsonElement elements, List<string> problems, ref int text, ref int count)
    {
        foreach (var element in elements.EnumerateArray())
        {
            count++;
            var type = element.GetProperty("type").GetString();
            var value = element.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
            text += value.Length;
            if (type is not ("text" or "link"))
            {
                problems.Add($"{where}: element {type} not allowed: a note sends text and links only");
                continue;
            }

            if (value.Length == 0)
            {
                problems.Add($"{where}: empty {type} element");
            }

            if (type == "link")
            {
                var url = element.GetProperty("url").GetString() ?? "";
                if (!(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
                {
                    problems.Add($"{where}: link to {url} is not http(s)");
                }
            }

            if (element.TryGetProperty("style", out var style))
            {
                foreach (var property in style.EnumerateObject())
                {
                    if (!Styles.Contains(property.Name) || property.Value.ValueKind != JsonValueKind.True)
                    {
                        problems.Add($"{where}: style {property.Name}: {property.Value}");
                    }
                }
            }

            foreach (var broadcast in Broadcasts)
            {
                if (value.Contains(broadcast, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{where}: {broadcast} would notify the channel in some clients");
                }
            }
        }
    }
}
