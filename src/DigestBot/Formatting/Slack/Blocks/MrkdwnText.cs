namespace DigestBot.Formatting.Slack.Blocks;

/// <summary>Text already escaped by <see cref="SlackMrkdwn"/>; nothing else should build one.</summary>
internal sealed record MrkdwnText(string Text) : TextObject(Text)
{
    /// <summary>Stops Slack from turning bare URLs and channel names into links the note did not write.</summary>
    public bool Verbatim => true;
}
