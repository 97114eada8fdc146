using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class TableCellRenderer : TelegramObjectRenderer<TableCell>
{
    protected override void Write(TelegramHtmlRenderer renderer, TableCell obj)
    {
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.Text(" |");
        if (obj.Parent?.LastChild != obj)
        {
            renderer.Text(" ");
        }
    }
}
