using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class CodeInlineRenderer : SlackObjectRenderer<CodeInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, CodeInline obj)
    {
        // mrkdwn cannot escape a backtick inside code: such code is shown as plain text.
        var coded = !obj.Content.Contains('`');
        if (coded)
        {
            renderer.Open("`", "`");
        }

        renderer.PlainDepth++;
        renderer.Text(obj.Content);
        renderer.PlainDepth--;
        if (coded)
        {
            renderer.Close();
        }
    }
}
