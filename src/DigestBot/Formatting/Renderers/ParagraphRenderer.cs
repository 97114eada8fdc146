using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

internal sealed class ParagraphRenderer : MarkupObjectRenderer<ParagraphBlock>
{
    protected override void Write(MarkupRenderer renderer, ParagraphBlock obj)
    {
        renderer.BeginBlock();
        renderer.WriteLeafInline(obj);
    }
}
