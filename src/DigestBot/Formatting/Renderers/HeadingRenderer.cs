using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>Neither platform has headings; a bold line reads as one.</summary>
internal sealed class HeadingRenderer : MarkupObjectRenderer<HeadingBlock>
{
    protected override void Write(MarkupRenderer renderer, HeadingBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open(renderer.Bold);
        renderer.WriteLeafInline(obj);
        renderer.Close();
    }
}
