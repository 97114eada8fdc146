using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>Definitions are not text; the links that use them carry their URLs.</summary>
internal sealed class LinkReferenceDefinitionRenderer : MarkupObjectRenderer<LinkReferenceDefinition>
{
    protected override void Write(MarkupRenderer renderer, LinkReferenceDefinition obj)
    {
    }
}
