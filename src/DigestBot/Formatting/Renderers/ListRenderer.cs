using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

internal sealed class ListRenderer : MarkupObjectRenderer<ListBlock>
{
    protected override void Write(MarkupRenderer renderer, ListBlock obj)
    {
        renderer.BeginBlock();
        renderer.SkipNextSeparator = true;
        renderer.ListDepth++;
        renderer.WriteChildren(obj);
        renderer.ListDepth--;
        renderer.SkipNextSeparator = false;
    }
}
