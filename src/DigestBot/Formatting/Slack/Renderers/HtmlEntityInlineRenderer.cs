using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Markdown decodes <c>&amp;copy;</c>; the decoded character is escaped again like any text.</summary>
internal sealed class HtmlEntityInlineRenderer : SlackObjectRenderer<HtmlEntityInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, HtmlEntityInline obj) =>
        renderer.Text(obj.Transcoded.ToString());
}
