using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.RichText.Renderers;

internal abstract class RichTextObjectRenderer<TObject> : MarkdownObjectRenderer<SlackRichTextRenderer, TObject>
    where TObject : MarkdownObject;
