using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>Inline HTML is shown as the text the curator typed.</summary>
internal sealed class HtmlInlineRenderer : MarkupObjectRenderer<HtmlInline>
{
    protected override void Write(MarkupRenderer renderer, HtmlInline obj) => renderer.Text(obj.Tag);
}
