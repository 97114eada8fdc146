using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>An unmatched delimiter Markdig left in the tree is the curator's literal text.</summary>
internal sealed class DelimiterInlineRenderer : SlackObjectRenderer<DelimiterInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, DelimiterInline obj)
    {
        renderer.Text(obj.ToLiteral());
        renderer.WriteChildren(obj);
    }
}
