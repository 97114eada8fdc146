namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record ActionsBlock(IReadOnlyList<ButtonElement> Elements) : Block
{
    public const int MaxElements = 25;
}
