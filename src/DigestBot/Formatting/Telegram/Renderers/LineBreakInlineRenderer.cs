using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Soft breaks stay line breaks: curators write one thought per line, as in the sample digest.</summary>
internal sealed class LineBreakInlineRenderer : TelegramObjectRenderer<LineBreakInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, LineBreakInline obj) => renderer.Text("\n");
}
