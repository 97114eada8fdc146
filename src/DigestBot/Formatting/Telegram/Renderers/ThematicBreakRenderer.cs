using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

internal sealed class ThematicBreakRenderer : TelegramObjectRenderer<ThematicBreakBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, ThematicBreakBlock obj)
    {
        renderer.BeginBlock();
        renderer.Text("———");
    }
}
