using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>A nested quote keeps its text inside the outer one: rich text quotes have one level.</summary>
internal sealed class QuoteBlockRenderer : RichTextObjectRenderer<QuoteBlock>
{
    protected override void Write(SlackRichTextRenderer renderer, QuoteBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open(RichTextMarkup.Quote, "");
        renderer.QuoteDepth++;
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.QuoteDepth--;
        renderer.Close();
    }
}
