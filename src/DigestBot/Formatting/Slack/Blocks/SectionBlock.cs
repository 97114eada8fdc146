namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record SectionBlock(TextObject Text) : Block
{
    public const int MaxTextLength = 3000;
}
