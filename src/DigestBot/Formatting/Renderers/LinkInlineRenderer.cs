using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Renderers;

/// <summary>Links and images alike: an image becomes a link labelled with its alt text.</summary>
internal sealed class LinkInlineRenderer : MarkupObjectRenderer<LinkInline>
{
    protected override void Write(MarkupRenderer renderer, LinkInline obj)
    {
        var url = obj.GetDynamicUrl?.Invoke() ?? obj.Url ?? "";
        var web = WebLink.IsWeb(url);
        var asLink = web && renderer.LinkDepth == 0;
        if (asLink)
        {
            renderer.Open(renderer.Link(url));
        }

        var plainLabel = renderer.LinkLabelsArePlain ? 1 : 0;
        renderer.LinkDepth++;
        renderer.PlainDepth += plainLabel;
        if (obj.FirstChild is null)
        {
            renderer.Text(url);
        }
        else
        {
            renderer.WriteChildren(obj);
        }

        renderer.PlainDepth -= plainLabel;
        renderer.LinkDepth--;
        if (asLink)
        {
            renderer.Close();
        }

        // Where markup is off for another reason than an enclosing link's label (a Telegram table, the
        // console), the address stays readable instead of vanishing; inside a label the outer link has one.
        var labelPlainDepth = renderer.LinkLabelsArePlain ? renderer.LinkDepth : 0;
        if (web && !obj.IsAutoLink && renderer.PlainDepth > labelPlainDepth)
        {
            renderer.Text($" ({url})");
        }
    }
}
