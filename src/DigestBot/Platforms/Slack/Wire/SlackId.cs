namespace DigestBot.Platforms.Slack.Wire;

/// <summary>A user, channel or team as interactivity payloads carry them: an object whose <c>id</c> is what counts.</summary>
internal sealed record SlackId
{
    public string Id { get; init; } = "";
}
