using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Raw HTML in commentary is the curator's text, shown as text.</summary>
internal sealed class HtmlBlockRenderer : SlackObjectRenderer<HtmlBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, HtmlBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text(obj.Lines.ToString());
    }
}
