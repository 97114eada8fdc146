using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

internal sealed class EmphasisInlineRenderer : MarkupObjectRenderer<EmphasisInline>
{
    protected override void Write(MarkupRenderer renderer, EmphasisInline obj)
    {
        var markup = obj.DelimiterChar == '~' ? renderer.Strikethrough
            : obj.DelimiterCount >= 2 ? renderer.Bold
            : renderer.Italic;
        renderer.Open(markup);
        renderer.WriteChildren(obj);
        renderer.Close();
    }
}
