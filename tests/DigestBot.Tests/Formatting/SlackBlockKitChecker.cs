using System.Text.Json;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// Checks a chat.postMessage body as JSON against Block Kit's documented limits and against
/// mrkdwn that could ping or link (rich text: <see cref="SlackRichTextChecker"/>); independent of the C# block types
/// that produced it.
/// </summary>
internal static class SlackBlockKitChecker
{
    private static readonly string[] Broadcasts = ["@channel", "@here", "@everyone"];

    private static readonly HashSet<string> ButtonFields = ["type", "text", "action_id", "url", "value", "style", "confirm", "accessibility_label"];

    private static readonly (string Field, int Max)[] ConfirmFields = [("title", 100), ("text", 300), ("confirm", 30), ("deny", 30)];

    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        if (text.Trim().Length == 0 || text.Length > 40000)
        {
            problems.Add($"top-level text must be 1–40000 characters, is {text.Length}");
        }

        CheckMrkdwn("text", text, problems);
        if (!root.TryGetProperty("unfurl_links", out var unfurl) || unfurl.ValueKind != JsonValueKind.False)
        {
            problems.Add("unfurl_links must be false");
        }

        var blocks = root.GetProperty("blocks");
        if (blocks.GetArrayLength() is 0 or > 50)
        {
            problems.Add($"{blocks.GetArrayLength()} blocks; 1–50 allowed");
        }

        var index = 0;
        foreach (var block in blocks.EnumerateArray())
        {
            var where = $"block {index++}";
            switch (block.GetProperty("type").GetString())
            {
                case "header":
                    CheckText(where, block.GetProperty("text"), 150, plainOnly: true, problems);
                    break;
                case "section":
                    CheckText(where, block.GetProperty("text"), 3000, plainOnly: false, problems);
                    if (block.TryGetProperty("accessory", out var accessory))
                    {
                        CheckButton(where, accessory, problems);
                    }

                    break;
                case "context":
                    var elements = block.GetProperty("elements");
                    if (elements.GetArrayLength() is 0 or > 10)
                    {
                        problems.Add($"{where}: context has {elements.GetArrayLength()} elements; 1–10 allowed");
                    }

                    foreach (var element in elements.EnumerateArray())
                    {
                        CheckText(where, element, 2000, plainOnly: false, problems);
                    }

                    break;
                case "actions":
                    var buttons = block.GetProperty("elements");
                    if (buttons.GetArrayLength() is 0 or > 25)
                    {
                        problems.Add($"{where}: actions has {buttons.GetArrayLength()} elements; 1–25 allowed");
                    }

                    foreach (var button in buttons.EnumerateArray())
                    {
                        CheckButton(where, button, problems);
                    }

                    break;
                case "divider":
                    break;
                case "rich_text":
                    SlackRichTextChecker.Check(where, block, problems);
                    break;
                default:
                    problems.Add($"{where}: unknown block type");
                    break;
            }
        }

        return problems;
    }

    /// <summary>
    /// What a reader sees, as near as matters for "is all of the note there": plain text as is,
    /// mrkdwn with entities decoded. Formatting markers and link targets stay in; callers ignore them.
    /// </summary>
    public static string VisibleText(string json)
    {
        using var document = JsonDocument.Parse(json);
        var visible = new System.Text.StringBuilder();
        foreach (var block in document.RootElement.GetProperty("blocks").EnumerateArray())
        {
            if (block.GetProperty("type").GetString() == "rich_text")
            {
                visible.Append(SlackRichTextChecker.VisibleText(block));
                continue;
            }

            var texts = block.GetProperty("type").GetString() switch
            {
                "header" or "section" => [block.GetProperty("text")],
                "context" => block.GetProperty("elements").EnumerateArray().ToList(),
                _ => new List<JsonElement>(),
            };
            foreach (var text in texts)
            {
                var value = text.GetProperty("text").GetString() ?? "";
                visible.Append(text.GetProperty("type").GetString() == "mrkdwn"
                    ? value.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&")
                    : value);
                visible.Append('\n');
            }
        }

        return visible.ToString();
    }

    /// <summary>
    /// A note's message holds at most 40,000 characters of text in its blocks, the size past which Slack truncates
    /// a message's text: DigestBot's bound for notes (Slack documents it for <c>text</c>), not a Block Kit rule.
    /// </summary>
    public static string? NoteMessageTooLong(string json)
    {
        var length = VisibleText(json).Count(static c => c != '\n');
        return length > 40000 ? $"blocks hold {length} characters; a note's message holds at most 40000" : null;
    }

    private static void CheckButton(string where, JsonElement button, List<string> problems)
    {
        if (button.GetProperty("type").GetString() != "button")
        {
            problems.Add($"{where}: unexpected element");
        }

        CheckText(where, button.GetProperty("text"), 75, plainOnly: true, problems);
        var actionId = button.TryGetProperty("action_id", out var id) ? id.GetString() ?? "" : "";
        if (actionId.Length is 0 or > 255)
        {
            problems.Add($"{where}: button action_id must have 1–255 characters");
        }

        if (button.TryGetProperty("value", out var value))
        {
            // An action button: its value comes back when pressed, and it opens nothing.
            if ((value.GetString() ?? "").Length is 0 or > 2000 || button.TryGetProperty("url", out _))
            {
                problems.Add($"{where}: an action button has a value of 1–2000 characters and no url");
            }
        }
        else
        {
            var url = button.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            if (url.Length is 0 or > 3000 || !(url.StartsWith("https://") || url.StartsWith("http://")))
            {
                problems.Add($"{where}: button url must be an http(s) URL of at most 3000 characters");
            }
        }

        if (button.TryGetProperty("style", out var style) && style.GetString() is not ("primary" or "danger"))
        {
            problems.Add($"{where}: button style must be primary or danger");
        }

        foreach (var field in button.EnumerateObject().Where(f => !ButtonFields.Contains(f.Name)))
        {
            problems.Add($"{where}: button has an unknown field {field.Name}");
        }

        if (button.TryGetProperty("confirm", out var confirm))
        {
            CheckConfirm($"{where} confirm", confirm, problems);
        }
    }

    /// <summary>Block Kit's confirmation dialog object: all four texts required, plain text but for <c>text</c>.</summary>
    private static void CheckConfirm(string where, JsonElement confirm, List<string> problems)
    {
        foreach (var (field, max) in ConfirmFields)
        {
            if (!confirm.TryGetProperty(field, out var text))
            {
                problems.Add($"{where}: {field} is required");
                continue;
            }

            CheckText($"{where} {field}", text, max, plainOnly: field != "text", problems);
        }

        if (confirm.TryGetProperty("style", out var style) && style.GetString() is not ("primary" or "danger"))
        {
            problems.Add($"{where}: style must be primary or danger");
        }

        foreach (var field in confirm.EnumerateObject().Where(f => f.Name != "style" && !ConfirmFields.Any(c => c.Field == f.Name)))
        {
            problems.Add($"{where}: unknown field {field.Name}");
        }
    }

    private static void CheckText(string where, JsonElement text, int max, bool plainOnly, List<string> problems)
    {
        var type = text.GetProperty("type").GetString();
        var value = text.GetProperty("text").GetString() ?? "";
        if (type != "plain_text" && (plainOnly || type != "mrkdwn"))
        {
            problems.Add($"{where}: text type {type} not allowed here");
        }

        if (value.Length == 0 || value.Length > max)
        {
            problems.Add($"{where}: text must be 1–{max} characters, is {value.Length}");
        }

        if (type == "mrkdwn")
        {
            CheckMrkdwn(where, value, problems);
        }
    }

    /// <summary>The only <c>&lt;</c> allowed is one of our http(s) links; <c>&amp;</c> only starts an escape.</summary>
    private static void CheckMrkdwn(string where, string text, List<string> problems)
    {
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    var end = text.IndexOf('>', i);
                    var inner = end < 0 ? "" : text[(i + 1)..end];
                    if (end < 0 || !(inner.StartsWith("http://") || inner.StartsWith("https://")) || !inner.Contains('|') || inner.Contains('<'))
                    {
                        problems.Add($"{where}: '<' at {i} that is not an http(s) link: {text.Substring(i, Math.Min(20, text.Length - i))}");
                    }
                    else
                    {
                        i = end;
                    }

                    break;
                case '&':
                    if (!(Matches(text, i, "&amp;") || Matches(text, i, "&lt;") || Matches(text, i, "&gt;")))
                    {
                        problems.Add($"{where}: bare '&' at {i}");
                    }

                    break;
            }
        }

        foreach (var broadcast in Broadcasts)
        {
            if (text.Contains(broadcast, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{where}: {broadcast} would notify the channel");
            }
        }
    }

    private static bool Matches(string text, int at, string expected) =>
        string.CompareOrdinal(text, at, expected, 0, expected.Length) == 0;
}
