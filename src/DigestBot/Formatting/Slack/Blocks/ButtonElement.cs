using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

internal sealed record ButtonElement
{
    public const int MaxTextLength = 75;
    public const int MaxUrlLength = 3000;

    public ButtonElement(PlainText text, string url, string actionId) => (Text, Url, ActionId) = (text, url, actionId);

    [JsonPropertyOrder(-1)]
    public string Type => "button";

    /// <summary>Declared as the base type so the serializer writes the <c>type</c> discriminator.</summary>
    public TextObject Text { get; }

    public string Url { get; }

    public string ActionId { get; }
}
