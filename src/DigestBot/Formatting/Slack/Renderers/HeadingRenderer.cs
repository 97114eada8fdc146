using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>mrkdwn has no headings; a bold line reads as one.</summary>
internal sealed class HeadingRenderer : SlackObjectRenderer<HeadingBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, HeadingBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open("*", "*");
        renderer.WriteLeafInline(obj);
        renderer.Close();
    }
}
