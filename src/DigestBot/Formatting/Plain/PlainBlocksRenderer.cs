using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Plain;

/// <summary>
/// The nodes whose platform renderers differ (quotes, code, tables), written as the text they hold. One renderer
/// serves all four because in plain text each is only its content.
/// </summary>
internal sealed class PlainBlocksRenderer : IMarkdownObjectRenderer
{
    public bool Accept(RendererBase renderer, Type objectType) =>
        typeof(QuoteBlock).IsAssignableFrom(objectType)
        || typeof(CodeBlock).IsAssignableFrom(objectType)
        || typeof(Table).IsAssignableFrom(objectType)
        || typeof(CodeInline).IsAssignableFrom(objectType);

    public void Write(RendererBase renderer, MarkdownObject objectToRender)
    {
        var plain = (PlainTextRenderer)renderer;
        switch (objectToRender)
        {
            case QuoteBlock quote:
                plain.BeginBlock();
                if (plain.QuoteDepth > 0)
                {
                    plain.Text("> ");
                }

                plain.QuoteDepth++;
                plain.SkipNextSeparator = true;
                plain.WriteChildren(quote);
                plain.SkipNextSeparator = false;
                plain.QuoteDepth--;
                break;
            case CodeBlock code:
                plain.BeginBlock();
                var text = code.Lines.ToString();
                plain.Text(text.Length > 0 ? text : " ");
                break;
            case Table table:
                plain.BeginBlock();
                plain.WriteChildren(table);
                break;
            case CodeInline inline:
                plain.Text(inline.Content);
                break;
        }
    }
}
