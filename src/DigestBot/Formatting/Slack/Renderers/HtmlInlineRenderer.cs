using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Inline HTML is shown as the text the curator typed.</summary>
internal sealed class HtmlInlineRenderer : SlackObjectRenderer<HtmlInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, HtmlInline obj) => renderer.Text(obj.Tag);
}
