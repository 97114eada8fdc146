using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>Soft breaks stay line breaks: curators write one thought per line, as in the sample digest.</summary>
internal sealed class LineBreakInlineRenderer : MarkupObjectRenderer<LineBreakInline>
{
    protected override void Write(MarkupRenderer renderer, LineBreakInline obj) => renderer.Text("\n");
}
