using DigestBot.Formatting.Renderers;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>
/// Renders commentary Markdown to Slack mrkdwn. Slack has no headings, lists or tables; they
/// degrade to bold lines, bullet lines and pipe-separated lines.
/// </summary>
/// <remarks><see cref="MarkupRenderer.PlainDepth"/> is above zero where Slack reads no formatting: link labels and code.</remarks>
internal sealed class SlackMrkdwnRenderer : MarkupRenderer
{
    public SlackMrkdwnRenderer(TextWriter writer) : base(writer, SlackMrkdwn.Escape)
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

        foreach (var line in text.Split('\n').Select((value, index) => (value, index)))
        {
            if (line.index > 0)
            {
                Markup.Text("\n");
            }

            if (line.value.Length > 0)
            {
                if (Markup.AtLineStart)
                {
                    Markup.Raw("> ");
                }

                Markup.Text(line.value);
            }
        }
    }
}
