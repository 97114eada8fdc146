using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

internal sealed class ThematicBreakRenderer : MarkupObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(MarkupRenderer renderer, ThematicBreakBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text("———");
    }
}
