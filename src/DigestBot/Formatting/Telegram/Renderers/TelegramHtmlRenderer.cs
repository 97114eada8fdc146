using DigestBot.Formatting.Renderers;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>
/// Renders commentary Markdown to the HTML subset Telegram accepts. Everything that subset lacks
/// (headings, lists, tables, raw HTML) degrades to text the platform accepts, never to nothing.
/// </summary>
/// <remarks><see cref="MarkupRenderer.PlainDepth"/> is above zero inside <c>pre</c> (tables): Telegram allows no tags there.</remarks>
internal sealed class TelegramHtmlRenderer : MarkupRenderer
{
    public TelegramHtmlRenderer() : base(plainDepth: 0)
    {
        ObjectRenderers.Add(new QuoteBlockRenderer());
        ObjectRenderers.Add(new CodeBlockRenderer());
        ObjectRenderers.Add(new TableRenderer());
        ObjectRenderers.Add(new CodeInlineRenderer());
    }

    public override (string Open, string Close) Bold => ("<b>", "</b>");

    public override (string Open, string Close) Italic => ("<i>", "</i>");

    public override (string Open, string Close) Strikethrough => ("<s>", "</s>");

    public override bool LinkLabelsArePlain => false;

    public override (string Open, string Close) Link(string url) => ($"<a href=\"{TelegramHtml.EscapeAttribute(url)}\">", "</a>");
}
