using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class ListRenderer : TelegramObjectRenderer<ListBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, ListBlock obj)
    {
        renderer.BeginBlock();
        renderer.SkipNextSeparator = true;
        renderer.ListDepth++;
        renderer.WriteChildren(obj);
        renderer.ListDepth--;
        renderer.SkipNextSeparator = false;
    }
}
