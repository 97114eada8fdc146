namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>A code block; its text is shown exactly, in a monospace box.</summary>
internal sealed record RichTextPreformatted(IReadOnlyList<RichTextElement> Elements) : RichTextObject;
