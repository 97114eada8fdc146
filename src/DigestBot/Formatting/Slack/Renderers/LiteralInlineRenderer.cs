using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class LiteralInlineRenderer : SlackObjectRenderer<LiteralInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, LiteralInline obj) =>
        renderer.Text(obj.Content.ToString());
}
