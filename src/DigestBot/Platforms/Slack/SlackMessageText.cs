using System.Text;
using System.Text.RegularExpressions;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A message as Slack delivers it (<c>&lt;@U1&gt; look &lt;https://arxiv.org/abs/1|arxiv.org/abs/1&gt; &amp;c</c>)
/// turned back into what the person typed, with the links it holds.
/// </summary>
internal sealed partial record SlackMessageText(string Text, IReadOnlyList<string> Links)
{
    public static SlackMessageText Parse(string? slackText)
    {
        var links = new List<string>();
        var text = Markup().Replace(slackText ?? "", match =>
        {
            var inner = match.Groups["inner"].Value;
            var bar = inner.IndexOf('|');
            var target = bar < 0 ? inner : inner[..bar];
            var label = bar < 0 ? null : inner[(bar + 1)..];
            switch (target[0])
            {
                case '@':
                case '!':
                    // Mentions (the app's own, to address it) and broadcasts say nothing about the paper.
                    return "";
                case '#':
                    return "#" + (label ?? target[1..]);
                default:
                    var url = Decode(target);
                    if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                    {
                        links.Add(url);
                        return url;
                    }

                    return Decode(label ?? target);
            }
        });

        return new SlackMessageText(Collapse(Decode(text)), links);
    }

    private static string Decode(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Trims each line and drops the blank lines a removed mention leaves at the start.</summary>
    private static string Collapse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => SpaceRun().Replace(l, " ").Trim());
        var result = new StringBuilder();
        foreach (var line in lines)
        {
            if (result.Length == 0 && line.Length == 0)
            {
                continue;
            }

            result.Append(line).Append('\n');
        }

        return result.ToString().TrimEnd('\n');
    }

    [GeneratedRegex("<(?<inner>[^<>]+)>")]
    private static partial Regex Markup();

    [GeneratedRegex("[ \t]{2,}")]
    private static partial Regex SpaceRun();
}
