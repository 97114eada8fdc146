using DigestBot.Formatting.Renderers;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>
/// Renders commentary Markdown to Slack mrkdwn. Slack has no headings, lists or tables; they
/// degrade to bold lines, bullet lines and pipe-separated lines.
/// </summary>
/// <remarks><see cref="MarkupRenderer.PlainDepth"/> is above zero where Slack reads no formatting: link labels and code.</remarks>
internal sealed class SlackMrkdwnRenderer : MarkupRenderer
{
    public SlackMrkdwnRenderer() : base(plainDepth: 0)
    {
        ObjectRenderers.Add(new QuoteBlockRenderer());
        ObjectRenderers.Add(new CodeBlockRenderer());
        ObjectRenderers.Add(new TableRenderer());
        ObjectRenderers.Add(new CodeInlineRenderer());
    }

    public override (string Open, string Close) Bold => ("*", "*");

    public override (string Open, string Close) Italic => ("_", "_");

    public override (string Open, string Close) Strikethrough => ("~", "~");

    /// <summary>Formatting markers inside <c>&lt;url|label&gt;</c> would show literally.</summary>
    public override bool LinkLabelsArePlain => true;

    public override (string Open, string Close) Link(string url) => ($"<{SlackMrkdwn.LinkTarget(url)}|", ">");

    /// <summary>Slack quotes line by line, so every line written inside a quote starts with <c>&gt;</c>.</summary>
    public override void Text(string text)
    {
        if (QuoteDepth == 0)
        {
            Markup.Text(text);
            return;
        }

        var start = 0;
        while (true)
        {
            var end = text.IndexOf('\n', start);
            var length = (end < 0 ? text.Length : end) - start;
            if (length > 0)
            {
                if (Markup.AtLineStart)
                {
                    Markup.Raw("> ");
                }

                Markup.Text(length == text.Length ? text : text.Substring(start, length));
            }

            if (end < 0)
            {
                return;
            }

            Markup.Text("\n");
            start = end + 1;
        }
    }
}
