using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Telegram.Renderers;

internal abstract class TelegramObjectRenderer<TObject> : MarkdownObjectRenderer<TelegramHtmlRenderer, TObject>
    where TObject : MarkdownObject;
