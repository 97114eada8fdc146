namespace DigestBot.Platforms.Slack.WebApi;

internal sealed record ConversationsInfoResponse
{
    public SlackConversationInfo Channel { get; init; } = new();
}

/// <summary>The part of a channel's description DigestBot reads.</summary>
internal sealed record SlackConversationInfo
{
    public string Id { get; init; } = "";

    /// <summary>Whether the bot is in the channel, so that it can post there.</summary>
    public bool IsMember { get; init; }

    public bool IsArchived { get; init; }
}
