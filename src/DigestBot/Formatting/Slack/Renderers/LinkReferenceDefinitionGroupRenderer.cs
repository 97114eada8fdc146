using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Definitions are not text; the links that use them carry their URLs.</summary>
internal sealed class LinkReferenceDefinitionGroupRenderer : SlackObjectRenderer<LinkReferenceDefinitionGroup>
{
    protected override void Write(SlackMrkdwnRenderer renderer, LinkReferenceDefinitionGroup obj)
    {
    }
}
