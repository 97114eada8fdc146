namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record ContextBlock(IReadOnlyList<TextObject> Elements) : Block
{
    public const int MaxElements = 10;

    /// <summary>Slack documents 2000 for section fields; context text is held to the same.</summary>
    public const int MaxElementTextLength = 2000;
}
