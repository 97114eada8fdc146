using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace DigestBot.Formatting;

/// <summary>
/// Emphasis next to Korean, Japanese and Chinese text follows the CJK-friendly amendment to CommonMark
/// (markdown-cjk-friendly), so <c>**마크다운(Markdown)**의</c> is bold although its closing <c>**</c> follows
/// punctuation and precedes a letter. Markdig implements the rule; this extension is where we take it.
/// </summary>
/// <remarks>
/// The rule only widens where a delimiter next to a CJK character may open or close; text without CJK characters
/// parses exactly as CommonMark says (<c>2 * 3 * 4</c>, <c>snake_case</c>). Commentary is the only Markdown we
/// read: titles, authors and abstracts are plain text and never go through a pipeline.
/// </remarks>
internal sealed class CjkFriendlyEmphasisExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Without the emphasis parser there is no emphasis to widen; a pipeline that removed it meant that.
        if (pipeline.InlineParsers.FindExact<EmphasisInlineParser>() is { } emphasis)
        {
            emphasis.CjkFriendlyEmphasis = true;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }
}
