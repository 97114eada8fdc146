namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record HeaderBlock(PlainText Text) : Block
{
    public const int MaxTextLength = 150;
}
