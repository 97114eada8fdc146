using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class ThematicBreakRenderer : SlackObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, ThematicBreakBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text("———");
    }
}
