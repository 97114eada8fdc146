using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Slack quotes have one level; nested quotes keep their text inside the outer one.</summary>
internal sealed class QuoteBlockRenderer : SlackObjectRenderer<QuoteBlock>
{
    protected override void Write(SlackMrkdwnRenderer renderer, QuoteBlock obj)
    {
        renderer.BeginBlock();
        renderer.QuoteDepth++;
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.QuoteDepth--;
    }
}
