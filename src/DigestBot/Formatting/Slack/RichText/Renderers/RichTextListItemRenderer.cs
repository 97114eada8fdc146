using System.Globalization;
using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>Each item is a section of its list; its number rides along so a list split by a nested one keeps counting.</summary>
internal sealed class RichTextListItemRenderer : RichTextObjectRenderer<ListItemBlock>
{
    protected override void Write(SlackRichTextRenderer renderer, ListItemBlock obj)
    {
        renderer.Markup.EnsureLine();
        renderer.Open(RichTextMarkup.Item, obj.Order.ToString(CultureInfo.InvariantCulture));
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
        renderer.Close();
    }
}
