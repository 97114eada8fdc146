using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <param name="Text">The label shown instead of the address.</param>
internal sealed record RichTextLink(string Url, string Text, RichTextStyle? Style = null) : RichTextElement(Text, Style)
{
    [JsonPropertyOrder(-1)]
    public string Url { get; } = Url;
}
