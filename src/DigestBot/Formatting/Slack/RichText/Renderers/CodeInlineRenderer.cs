using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

internal sealed class CodeInlineRenderer : RichTextObjectRenderer<CodeInline>
{
    protected override void Write(SlackRichTextRenderer renderer, CodeInline obj)
    {
        renderer.Open(RichTextMarkup.Code, "");
        renderer.Text(obj.Content);
        renderer.Close();
    }
}
