namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>A quote holds text and links only: lists and code inside a quote become objects of their own.</summary>
internal sealed record RichTextQuote(IReadOnlyList<RichTextElement> Elements) : RichTextObject;
