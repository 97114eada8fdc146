using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Markdown decodes <c>&amp;copy;</c>; the decoded character is escaped again like any text.</summary>
internal sealed class HtmlEntityInlineRenderer : TelegramObjectRenderer<HtmlEntityInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, HtmlEntityInline obj) =>
        renderer.Text(obj.Transcoded.ToString());
}
