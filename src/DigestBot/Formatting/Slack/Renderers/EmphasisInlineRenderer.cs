using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class EmphasisInlineRenderer : SlackObjectRenderer<EmphasisInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, EmphasisInline obj)
    {
        var marker = obj.DelimiterChar == '~' ? "~" : obj.DelimiterCount >= 2 ? "*" : "_";
        renderer.Open(marker, marker);
        renderer.WriteChildren(obj);
        renderer.Close();
    }
}
