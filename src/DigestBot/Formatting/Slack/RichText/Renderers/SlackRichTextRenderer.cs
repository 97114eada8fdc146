using DigestBot.Formatting.Renderers;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>
/// Renders commentary Markdown to tokens that <see cref="RichTextBuilder"/> turns into Slack rich text: styles and
/// links as explicit elements, lists, quotes and code as rich text objects. Headings and tables degrade as for mrkdwn.
/// </summary>
internal sealed class SlackRichTextRenderer : MarkupRenderer
{
    public SlackRichTextRenderer() : base(plainDepth: 0)
    {
        ObjectRenderers.Replace<ListRenderer>(new RichTextListRenderer());
        ObjectRenderers.Replace<ListItemRenderer>(new RichTextListItemRenderer());
        ObjectRenderers.Add(new QuoteBlockRenderer());
        ObjectRenderers.Add(new CodeBlockRenderer());
        ObjectRenderers.Add(new TableRenderer());
        ObjectRenderers.Add(new CodeInlineRenderer());
    }

    public override (string Open, string Close) Bold => (RichTextMarkup.Bold, "");

    public override (string Open, string Close) Italic => (RichTextMarkup.Italic, "");

    public override (string Open, string Close) Strikethrough => (RichTextMarkup.Strike, "");

    /// <summary>A link element carries its own style, so a label keeps its emphasis.</summary>
    public override bool LinkLabelsArePlain => false;

    public override (string Open, string Close) Link(string url) => (RichTextMarkup.Link, url);
}
