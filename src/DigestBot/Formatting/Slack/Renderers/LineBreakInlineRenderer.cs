using Markdig.Syntax.Inlines;

namespace DigestBot.Formatting.Slack.Renderers;

/// <summary>Soft breaks stay line breaks: curators write one thought per line, as in the sample digest.</summary>
internal sealed class LineBreakInlineRenderer : SlackObjectRenderer<LineBreakInline>
{
    protected override void Write(SlackMrkdwnRenderer renderer, LineBreakInline obj) => renderer.Text("\n");
}
