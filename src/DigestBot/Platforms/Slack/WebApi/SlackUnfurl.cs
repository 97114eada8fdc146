using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>What one link shows under the message it was posted in: up to <see cref="Block.MaxPerMessage"/> blocks.</summary>
internal sealed record SlackUnfurl(IReadOnlyList<Block> Blocks);
