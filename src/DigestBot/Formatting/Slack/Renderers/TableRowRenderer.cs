using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class TableRowRenderer : SlackObjectRenderer<TableRow>
{
    protected override void Write(SlackMrkdwnRenderer renderer, TableRow obj)
    {
        renderer.Markup.EnsureLine();
        renderer.Text("| ");
        renderer.WriteChildren(obj);
    }
}
