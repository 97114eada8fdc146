using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>Definitions are not text; the links that use them carry their URLs.</summary>
internal sealed class LinkReferenceDefinitionGroupRenderer : MarkupObjectRenderer<LinkReferenceDefinitionGroup>
{
    protected override void Write(MarkupRenderer renderer, LinkReferenceDefinitionGroup obj)
    {
    }
}
