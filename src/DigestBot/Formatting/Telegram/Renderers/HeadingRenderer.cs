using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Telegram has no headings; a bold line reads as one.</summary>
internal sealed class HeadingRenderer : TelegramObjectRenderer<HeadingBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, HeadingBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open("<b>", "</b>");
        renderer.WriteLeafInline(obj);
        renderer.Close();
    }
}
