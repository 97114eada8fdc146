namespace DigestBot.Platforms.Slack.Wire;

/// <summary>One link of a <c>link_shared</c> event, in a domain the app registered for unfurling.</summary>
internal sealed record SlackSharedLink
{
    public string Domain { get; init; } = "";

    /// <summary>As the person wrote it; <c>chat.unfurl</c> is keyed by exactly this text.</summary>
    public string Url { get; init; } = "";
}
