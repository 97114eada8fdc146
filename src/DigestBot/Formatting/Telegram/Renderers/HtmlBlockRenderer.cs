using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Raw HTML in commentary is the curator's text, shown as text, never passed on as markup.</summary>
internal sealed class HtmlBlockRenderer : TelegramObjectRenderer<HtmlBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, HtmlBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text(obj.Lines.ToString());
    }
}
