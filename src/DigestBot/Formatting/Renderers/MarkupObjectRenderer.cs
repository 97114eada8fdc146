using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

internal abstract class MarkupObjectRenderer<TObject> : MarkdownObjectRenderer<MarkupRenderer, TObject>
    where TObject : MarkdownObject;
