using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>An unmatched delimiter Markdig left in the tree is the curator's literal text.</summary>
internal sealed class DelimiterInlineRenderer : TelegramObjectRenderer<DelimiterInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, DelimiterInline obj)
    {
        renderer.Text(obj.ToLiteral());
        renderer.WriteChildren(obj);
    }
}
