using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>A real list: Slack numbers and indents it, so no bullet or number is written as text.</summary>
internal sealed class RichTextListRenderer : RichTextObjectRenderer<ListBlock>
{
    protected override void Write(SlackRichTextRenderer renderer, ListBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open(RichTextMarkup.List, obj.IsOrdered ? Blocks.RichTextList.Ordered : Blocks.RichTextList.Bullet);
        renderer.SkipNextSeparator = true;
        renderer.ListDepth++;
        renderer.WriteChildren(obj);
        renderer.ListDepth--;
        renderer.SkipNextSeparator = false;
        renderer.Close();
    }
}
