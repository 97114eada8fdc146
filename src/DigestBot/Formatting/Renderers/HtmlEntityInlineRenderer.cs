using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>Markdown decodes <c>&amp;copy;</c>; the decoded character is escaped again like any text.</summary>
internal sealed class HtmlEntityInlineRenderer : MarkupObjectRenderer<HtmlEntityInline>
{
    protected override void Write(MarkupRenderer renderer, HtmlEntityInline obj) =>
        renderer.Text(obj.Transcoded.ToString());
}
