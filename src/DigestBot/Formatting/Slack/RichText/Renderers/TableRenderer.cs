using Markdig.Extensions.Tables;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>Rich text has no tables: each row becomes a line with cells between pipes.</summary>
internal sealed class TableRenderer : RichTextObjectRenderer<Table>
{
    protected override void Write(SlackRichTextRenderer renderer, Table obj)
    {
        renderer.BeginBlock();
        renderer.WriteChildren(obj);
    }
}
