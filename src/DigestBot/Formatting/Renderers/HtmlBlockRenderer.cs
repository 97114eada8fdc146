using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>Raw HTML in commentary is the curator's text, shown as text, never passed on as markup.</summary>
internal sealed class HtmlBlockRenderer : MarkupObjectRenderer<HtmlBlock>
{
    protected override void Write(MarkupRenderer renderer, HtmlBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text(obj.Lines.ToString());
    }
}
