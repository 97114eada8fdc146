using Markdig.Syntax;

namespace DigestBot.Formatting.Renderers;

/// <summary>Neither platform has lists: each item is a line starting with • or its number.</summary>
internal sealed class ListItemRenderer : MarkupObjectRenderer<ListItemBlock>
{
    protected override void Write(MarkupRenderer renderer, ListItemBlock obj)
    {
        if (!renderer.SkipNextSeparator)
        {
            renderer.Markup.EnsureLine();
        }

        var list = (ListBlock?)obj.Parent;
        var marker = list is { IsOrdered: true } ? $"{obj.Order}{list.OrderedDelimiter} " : "• ";
        renderer.Text(new string(' ', 2 * (renderer.ListDepth - 1)) + marker);
        renderer.SkipNextSeparator = true;
        renderer.WriteChildren(obj);
        renderer.SkipNextSeparator = false;
    }
}
