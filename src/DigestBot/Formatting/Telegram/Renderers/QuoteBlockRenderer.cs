using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Telegram rejects nested block quotes, so only the outermost one is a tag.</summary>
internal sealed class QuoteBlockRenderer : TelegramObjectRenderer<QuoteBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, QuoteBlock obj)
    {
        renderer.BeginBlock();
        var outermost = renderer.QuoteDepth == 0;
        if (outermost)
        {
            renderer.Open("<blockquote>", "</blockquote>");
        }
        else
        {
            // The inner quote's text stays; only the nesting is lost.
            renderer.Text("> ");
        }

        renderer.QuoteDepth++;
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.QuoteDepth--;
        if (outermost)
        {
            renderer.Close();
        }
    }
}
