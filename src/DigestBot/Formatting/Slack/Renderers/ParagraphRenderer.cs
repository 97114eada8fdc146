using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class ParagraphRenderer : SlackObjectRenderer<ParagraphBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, ParagraphBlock obj)
    {
        renderer.BeginBlock();
        renderer.WriteLeafInline(obj);
    }
}
