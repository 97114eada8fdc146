using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class LiteralInlineRenderer : TelegramObjectRenderer<LiteralInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, LiteralInline obj) =>
        renderer.Text(obj.Content.ToString());
}
