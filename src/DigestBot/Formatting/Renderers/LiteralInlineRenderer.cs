using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

internal sealed class LiteralInlineRenderer : MarkupObjectRenderer<LiteralInline>
{
    protected override void Write(MarkupRenderer renderer, LiteralInline obj) =>
        renderer.Text(obj.Content.ToString());
}
