using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class TableRowRenderer : TelegramObjectRenderer<TableRow>
{
    protected override void Write(TelegramHtmlRenderer renderer, TableRow obj)
    {
        renderer.Markup.EnsureLine();
        renderer.Text("| ");
        renderer.WriteChildren(obj);
    }
}
