using Markdig.Syntax;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Definitions are not text; the links that use them carry their URLs.</summary>
internal sealed class LinkReferenceDefinitionRenderer : SlackObjectRenderer<LinkReferenceDefinition>
{
    protected override void Write(SlackMrkdwnRenderer renderer, LinkReferenceDefinition obj)
    {
    }
}
