using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class ParagraphRenderer : TelegramObjectRenderer<ParagraphBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, ParagraphBlock obj)
    {
        renderer.BeginBlock();
        renderer.WriteLeafInline(obj);
    }
}
