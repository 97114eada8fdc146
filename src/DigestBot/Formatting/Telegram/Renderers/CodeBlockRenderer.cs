using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

/// <summary>Indented and fenced code alike; Telegram allows only <c>pre &gt; code class="language-x"</c> inside.</summary>
internal sealed class CodeBlockRenderer : TelegramObjectRenderer<CodeBlock>
{
    protected override void Write(TelegramHtmlRenderer renderer, CodeBlock obj)
    {
        renderer.BeginBlock();
        var language = (obj as FencedCodeBlock)?.Info;
        if (IsPlainLanguageName(language))
        {
            renderer.Open($"<pre><code class=\"language-{TelegramHtml.EscapeAttribute(language!)}\">", "</code></pre>");
        }
        else
        {
            renderer.Open("<pre>", "</pre>");
        }

        var code = obj.Lines.ToString();
        renderer.Text(code.Length > 0 ? code : " ");
        renderer.Close();
    }

    // An info string is the curator's free text; only a plain language name goes into an attribute.
    private static bool IsPlainLanguageName(string? language) =>
        !string.IsNullOrEmpty(language)
        && language.Length <= 32
        && language.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '#' or '_' or '.');
}
