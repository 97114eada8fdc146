using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>Explicit styles, so emphasis never depends on the characters around a marker.</summary>
internal sealed record RichTextStyle(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Bold = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Italic = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Strike = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Code = null);
