using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>CommonMark's <c>&lt;https://…&gt;</c> form; bare links come from the AutoLinks extension as <see cref="LinkInline"/>.</summary>
internal sealed class AutolinkInlineRenderer : SlackObjectRenderer<AutolinkInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, AutolinkInline obj)
    {
        var asLink = !obj.IsEmail && WebLink.IsWeb(obj.Url) && renderer.PlainDepth == 0;
        if (asLink)
        {
            renderer.Open($"<{SlackMrkdwn.LinkTarget(obj.Url)}|", ">");
        }

        renderer.Text(obj.Url);
        if (asLink)
        {
            renderer.Close();
        }
    }
}
