namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The part every Web API answer shares: read first, so <c>ok: false</c> never reaches a typed result.</summary>
internal sealed record SlackResponseStatus
{
    public bool Ok { get; init; }

    public string? Error { get; init; }
}
