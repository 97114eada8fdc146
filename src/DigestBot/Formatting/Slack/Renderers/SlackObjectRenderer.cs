using Markdig.Renderers;
using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

internal abstract class SlackObjectRenderer<TObject> : MarkdownObjectRenderer<SlackMrkdwnRenderer, TObject>
    where TObject : MarkdownObject;
