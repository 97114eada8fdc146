using System.Text.Json.Serialization;

namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>A list at one level: a nested list is a list of its own with a deeper <see cref="Indent"/>.</summary>
/// <param name="Elements">Only <see cref="RichTextSection"/>s, declared as the base type so the serializer writes their <c>type</c>.</param>
/// <param name="Offset">For an ordered list: how far its first number is past 1.</param>
/// <param name="Border">1 draws a quote's border beside the list, for a list inside a quote.</param>
internal sealed record RichTextList(
    string Style,
    IReadOnlyList<RichTextObject> Elements,
    int Indent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Offset = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Border = null) : RichTextObject
{
    public const string Bullet = "bullet";

    public const string Ordered = "ordered";

    /// <summary>Slack draws list levels 0 to 8.</summary>
    public const int MaxIndent = 8;
}
