using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>An unmatched delimiter Markdig left in the tree is the curator's literal text.</summary>
internal sealed class DelimiterInlineRenderer : MarkupObjectRenderer<DelimiterInline>
{
    protected override void Write(MarkupRenderer renderer, DelimiterInline obj)
    {
        renderer.Text(obj.ToLiteral());
        renderer.WriteChildren(obj);
    }
}
