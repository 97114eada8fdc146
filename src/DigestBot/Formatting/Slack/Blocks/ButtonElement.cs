using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>A link button (<see cref="Url"/>), or an action button whose <see cref="Value"/> comes back in a <c>block_actions</c> payload.</summary>
internal sealed record ButtonElement
{
    public const int MaxTextLength = 75;
    public const int MaxUrlLength = 3000;
    public const int MaxValueLength = 2000;
    public const int MaxActionIdLength = 255;

    public ButtonElement(PlainText text, string url, string actionId) => (Text, Url, ActionId) = (text, url, actionId);

    private ButtonElement(PlainText text, string actionId) => (Text, ActionId) = (text, actionId);

    [JsonPropertyOrder(-1)]
    public string Type => "button";

    /// <summary>Declared as the base type so the serializer writes the <c>type</c> discriminator.</summary>
    public TextObject Text { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; }

    public string ActionId { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Value { get; private init; }

    /// <summary><c>primary</c> (green) or <c>danger</c> (red); Slack's default look when null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Style { get; private init; }

    /// <summary>Asked before the press is sent: for a button whose press cannot be taken back by pressing again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConfirmationDialog? Confirm { get; private init; }

    public static ButtonElement Action(string text, string actionId, string value, string? style = null, ConfirmationDialog? confirm = null) =>
        new(new PlainText(text), actionId) { Value = value, Style = style, Confirm = confirm };
}
