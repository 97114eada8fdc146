using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Links and images alike: an image becomes a link labelled with its alt text.</summary>
internal sealed class LinkInlineRenderer : SlackObjectRenderer<LinkInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, LinkInline obj)
    {
        var url = obj.GetDynamicUrl?.Invoke() ?? obj.Url ?? "";

        // Formatting markers inside <url|label> would show literally, and a link cannot hold a link.
        var asLink = WebLink.IsWeb(url) && renderer.PlainDepth == 0;
        if (asLink)
        {
            renderer.Open($"<{SlackMrkdwn.LinkTarget(url)}|", ">");
        }

        renderer.PlainDepth++;
        if (obj.FirstChild is null)
        {
            renderer.Text(url);
        }
        else
        {
            renderer.WriteChildren(obj);
        }

        renderer.PlainDepth--;
        if (asLink)
        {
            renderer.Close();
        }
    }
}
