namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record DividerBlock : Block;
