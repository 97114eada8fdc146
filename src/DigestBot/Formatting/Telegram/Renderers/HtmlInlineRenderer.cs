using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Inline HTML is shown as the text the curator typed.</summary>
internal sealed class HtmlInlineRenderer : TelegramObjectRenderer<HtmlInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, HtmlInline obj) => renderer.Text(obj.Tag);
}
