using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

/// <summary>Indented and fenced code alike; rich text needs no escaping, so a fence inside code is just text.</summary>
internal sealed class CodeBlockRenderer : RichTextObjectRenderer<CodeBlock>
{
    protected override void Write(SlackRichTextRenderer renderer, CodeBlock obj)
    {
        renderer.BeginBlock();
        renderer.Open(RichTextMarkup.Preformatted, "");
        renderer.PlainDepth++;
        var code = obj.Lines.ToString();
        renderer.Text(code.Length > 0 ? code : " ");
        renderer.PlainDepth--;
        renderer.Close();
    }
}
