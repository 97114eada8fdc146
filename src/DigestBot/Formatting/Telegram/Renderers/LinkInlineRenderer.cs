using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Links and images alike: an image becomes a link labelled with its alt text.</summary>
internal sealed class LinkInlineRenderer : TelegramObjectRenderer<LinkInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, LinkInline obj)
    {
        var url = obj.GetDynamicUrl?.Invoke() ?? obj.Url ?? "";
        var web = WebLink.IsWeb(url);
        var asLink = web && renderer.LinkDepth == 0;
        if (asLink)
        {
            renderer.Open($"<a href=\"{TelegramHtml.EscapeAttribute(url)}\">", "</a>");
        }

        renderer.LinkDepth++;
        if (obj.FirstChild is null)
        {
            renderer.Text(url);
        }
        else
        {
            renderer.WriteChildren(obj);
        }

        renderer.LinkDepth--;
        if (asLink)
        {
            renderer.Close();
        }

        // Where the tag could not be written, the address stays readable instead of vanishing.
        if (web && !obj.IsAutoLink && renderer.PlainDepth > 0)
        {
            renderer.Text($" ({url})");
        }
    }
}
