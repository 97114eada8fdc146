namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>A paragraph, or one item of a <see cref="RichTextList"/>.</summary>
internal sealed record RichTextSection(IReadOnlyList<RichTextElement> Elements) : RichTextObject;
