using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record ButtonElement(PlainText Text, string Url, string ActionId)
{
    public const int MaxTextLength = 75;
    public const int MaxUrlLength = 3000;

    [JsonPropertyOrder(-1)]
    public string Type => "button";
}
