using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Definitions are not text; the links that use them carry their URLs.</summary>
internal sealed class LinkReferenceDefinitionRenderer : TelegramObjectRenderer<LinkReferenceDefinition>
{
    protected override void Write(TelegramHtmlRenderer renderer, LinkReferenceDefinition obj)
    {
    }
}
