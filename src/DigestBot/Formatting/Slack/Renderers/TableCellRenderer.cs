using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Slack.Renderers;

internal sealed class TableCellRenderer : SlackObjectRenderer<TableCell>
{
    protected override void Write(SlackMrkdwnRenderer renderer, TableCell obj)
    {
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.Text(obj.Parent?.LastChild == obj ? " |" : " | ");
    }
}
