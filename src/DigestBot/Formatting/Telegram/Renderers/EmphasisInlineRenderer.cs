using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class EmphasisInlineRenderer : TelegramObjectRenderer<EmphasisInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, EmphasisInline obj)
    {
        var (open, close) = obj.DelimiterChar == '~' ? ("<s>", "</s>")
            : obj.DelimiterCount >= 2 ? ("<b>", "</b>")
            : ("<i>", "</i>");
        renderer.Open(open, close);
        renderer.WriteChildren(obj);
        renderer.Close();
    }
}
