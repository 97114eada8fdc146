namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>Shown exactly as given: Slack reads no mentions, links or formatting in it.</summary>
internal sealed record PlainText(string Text) : TextObject(Text);
