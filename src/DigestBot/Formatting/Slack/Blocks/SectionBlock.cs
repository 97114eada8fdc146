using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record SectionBlock(TextObject Text) : Block
{
    public const int MaxTextLength = 3000;

    /// <summary>A button beside the text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ButtonElement? Accessory { get; init; }
}
