namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>Literal text: Slack reads no formatting, mention or link in it.</summary>
internal sealed record RichTextText(string Text, RichTextStyle? Style = null) : RichTextElement(Text, Style);
