using System.Text;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// Rich text blocks written compactly for spec files: one object a line (<c>section:</c>, <c>quote:</c>,
/// <c>pre:</c>, <c>bullet 0:</c> / <c>ordered 1 +4 border:</c> with one <c>[item]</c> per item), plain text as is,
/// a styled run as <c>{bold,italic:text}</c>, a link as <c>{link url:text}</c>, a line break inside text as <c>⏎</c>,
/// and <c>===</c> between blocks.
/// </summary>
internal static class RichTextNotation
{
    public static string Write(IEnumerable<RichTextBlock> blocks) =>
        string.Join("\n===\n", blocks.Select(block => string.Join("\n", block.Elements.Select(Write))));

    private static string Write(RichTextObject obj) => obj switch
    {
        RichTextSection section => "section: " + Runs(section.Elements),
        RichTextQuote quote => "quote: " + Runs(quote.Elements),
        RichTextPreformatted pre => "pre: " + Runs(pre.Elements),
        RichTextList list => $"{list.Style} {list.Indent}{(list.Offset is { } offset ? $" +{offset}" : "")}{(list.Border == 1 ? " border" : "")}: "
            + string.Concat(list.Elements.Select(item => "[" + Runs(((RichTextSection)item).Elements) + "]")),
        _ => throw new ArgumentOutOfRangeException(nameof(obj), obj, "unknown rich text object"),
    };

    private static string Runs(IEnumerable<RichTextElement> elements)
    {
        var runs = new StringBuilder();
        foreach (var element in elements)
        {
            var marks = new List<string>();
            if (element.Style is { } style)
            {
                if (style.Bold == true) marks.Add("bold");
                if (style.Italic == true) marks.Add("italic");
                if (style.Strike == true) marks.Add("strike");
                if (style.Code == true) marks.Add("code");
            }

            var text = element.Text.Replace("\n", "⏎", StringComparison.Ordinal);
            var link = element is RichTextLink l ? $"link {l.Url}" : null;
            if (link is not null)
            {
                marks.Insert(0, link);
            }

            runs.Append(marks.Count == 0 ? text : $"{{{string.Join(",", marks)}:{text}}}");
        }

        return runs.ToString();
    }
}
