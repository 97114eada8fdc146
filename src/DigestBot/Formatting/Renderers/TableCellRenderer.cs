using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Renderers;

internal sealed class TableCellRenderer : MarkupObjectRenderer<TableCell>
{
    protected override void Write(MarkupRenderer renderer, TableCell obj)
    {
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.Text(obj.Parent?.LastChild == obj ? " |" : " | ");
    }
}
