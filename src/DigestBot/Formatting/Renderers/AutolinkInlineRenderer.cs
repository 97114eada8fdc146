using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>CommonMark's <c>&lt;https://…&gt;</c> form; bare links come from the AutoLinks extension as <see cref="LinkInline"/>.</summary>
internal sealed class AutolinkInlineRenderer : MarkupObjectRenderer<AutolinkInline>
{
    protected override void Write(MarkupRenderer renderer, AutolinkInline obj)
    {
        var asLink = !obj.IsEmail && WebLink.IsWeb(obj.Url) && renderer.LinkDepth == 0;
        if (asLink)
        {
            renderer.Open(renderer.Link(obj.Url));
        }

        renderer.Text(obj.Url);
        if (asLink)
        {
            renderer.Close();
        }
    }
}
