using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>mrkdwn has no tables: each row becomes a line with cells between pipes.</summary>
internal sealed class TableRenderer : SlackObjectRenderer<Table>
{
    protected override void Write(SlackMrkdwnRenderer renderer, Table obj)
    {
        renderer.BeginBlock();
        renderer.WriteChildren(obj);
    }
}
