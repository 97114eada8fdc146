using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>CommonMark's <c>&lt;https://…&gt;</c> form; bare links come from the AutoLinks extension as <see cref="LinkInline"/>.</summary>
internal sealed class AutolinkInlineRenderer : TelegramObjectRenderer<AutolinkInline>
{
    protected override void Write(TelegramHtmlRenderer renderer, AutolinkInline obj)
    {
        var asLink = !obj.IsEmail && WebLink.IsWeb(obj.Url) && renderer.LinkDepth == 0;
        if (asLink)
        {
            renderer.Open($"<a href=\"{TelegramHtml.EscapeAttribute(obj.Url)}\">", "</a>");
        }

        renderer.Text(obj.Url);
        if (asLink)
        {
            renderer.Close();
        }
    }
}
