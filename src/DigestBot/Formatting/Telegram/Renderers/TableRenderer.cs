using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Telegram has no tables: rows become lines of a <c>pre</c> block, which keeps columns in a fixed-width font.</summary>
internal sealed class TableRenderer : TelegramObjectRenderer<Table>
{
    protected override void Write(TelegramHtmlRenderer renderer, Table obj)
    {
        renderer.BeginBlock();
        renderer.Open("<pre>", "</pre>");
        renderer.PlainDepth++;
        renderer.WriteChildren(obj);
        renderer.PlainDepth--;
        renderer.Close();
    }
}
