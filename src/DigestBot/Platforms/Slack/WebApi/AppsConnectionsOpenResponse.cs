namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>A one-time <c>wss://</c> URL for a Socket Mode connection.</summary>
internal sealed record AppsConnectionsOpenResponse
{
    public string Url { get; init; } = "";
}
