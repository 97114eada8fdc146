using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>
/// A run of text with one style. Only text and links are ever sent: mention and broadcast elements are the
/// only way rich text pings anyone, and a note never produces them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RichTextText), "text")]
[JsonDerivedType(typeof(RichTextLink), "link")]
internal abstract record RichTextElement(
    string Text,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RichTextStyle? Style);
