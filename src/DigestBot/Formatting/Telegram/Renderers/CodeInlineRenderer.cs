using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class CodeInlineRenderer : TelegramObjectRenderer<CodeInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, CodeInline obj)
    {
        renderer.Open("<code>", "</code>");
        renderer.Text(obj.Content);
        renderer.Close();
    }
}
