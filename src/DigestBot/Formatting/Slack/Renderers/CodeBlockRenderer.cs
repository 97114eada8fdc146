using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class CodeBlockRenderer : SlackObjectRenderer<CodeBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, CodeBlock obj)
    {
        renderer.BeginBlock();
        var code = obj.Lines.ToString();

        // mrkdwn cannot escape a fence inside a fence: such code is shown as plain lines.
        var fenced = !code.Contains("```", StringComparison.Ordinal);
        if (fenced)
        {
            renderer.Open("```\n", "\n```");
        }

        renderer.PlainDepth++;
        renderer.Text(code.Length > 0 ? code : " ");
        renderer.PlainDepth--;
        if (fenced)
        {
            renderer.Close();
        }
    }
}
