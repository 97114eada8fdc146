using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class ListRenderer : SlackObjectRenderer<ListBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, ListBlock obj)
    {
        renderer.BeginBlock();
        renderer.SkipNextSeparator = true;
        renderer.ListDepth++;
        renderer.WriteChildren(obj);
        renderer.ListDepth--;
        renderer.SkipNextSeparator = false;
    }
}
