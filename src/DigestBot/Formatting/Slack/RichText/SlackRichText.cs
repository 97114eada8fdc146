using DigestBot.Formatting.Renderers;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Formatting.Slack.RichText.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText;

/// <summary>Commentary and plain text as rich text blocks, each within <see cref="RichTextBlock"/>'s limits.</summary>
internal static class SlackRichText
{
    // A block of many tiny elements is held to fewer characters, so that both of its limits hold.
    private const int CharactersPerElement = RichTextBlock.MaxTextLength / RichTextBlock.MaxInlineElements;

    [ThreadStatic]
    private static SlackRichTextRenderer? t_renderer;

    /// <summary>Commentary as tokens, from this thread's renderer: valid until the thread's next call.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(string markdown) => MarkdownToTokens(CommentaryMarkdown.Parse(markdown));

    /// <summary>Commentary already parsed by <see cref="CommentaryMarkdown.Parse"/>, as tokens from this thread's renderer.</summary>
    public static IReadOnlyList<MarkupToken> MarkdownToTokens(MarkdownDocument commentary) =>
        MarkupRenderer.RenderReused(ref t_renderer, static () => new SlackRichTextRenderer(), commentary);

    /// <summary>As many blocks as the text needs, cut where the packer cuts any message (never inside a grapheme).</summary>
    public static IReadOnlyList<RichTextBlock> Blocks(IReadOnlyList<MarkupToken> tokens) =>
        MarkupPacker.Pack(
            tokens,
            RichTextBlock.MaxTextLength,
            static (all, start, end) => new RichTextBlock(RichTextBuilder.Build(MarkupPacker.Slice(all, start, end))),
            static block => Math.Max(TextLength(block), ElementCount(block) * CharactersPerElement));

    /// <summary>The characters a block shows, which count against <see cref="RichTextBlock.MaxTextLength"/>.</summary>
    public static int TextLength(RichTextBlock block) => Elements(block).Sum(static e => e.Text.Length);

    public static int ElementCount(RichTextBlock block) => Elements(block).Count();

    private static IEnumerable<RichTextElement> Elements(RichTextBlock block) =>
        block.Elements.SelectMany(static o => o switch
        {
            RichTextSection section => section.Elements,
            RichTextQuote quote => quote.Elements,
            RichTextPreformatted pre => pre.Elements,
            RichTextList list => list.Elements.OfType<RichTextSection>().SelectMany(static s => s.Elements),
            _ => [],
        });
}
