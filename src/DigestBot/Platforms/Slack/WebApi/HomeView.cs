using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The App Home tab's content: up to <see cref="MaxBlocks"/> blocks.</summary>
internal sealed record HomeView(IReadOnlyList<Block> Blocks)
{
    public const int MaxBlocks = 100;

    public string Type => "home";
}
