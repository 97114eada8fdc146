using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Renderers;

internal sealed class TableRowRenderer : MarkupObjectRenderer<TableRow>
{
    protected override void Write(MarkupRenderer renderer, TableRow obj)
    {
        renderer.Markup.EnsureLine();
        renderer.Text("| ");
        renderer.WriteChildren(obj);
    }
}
