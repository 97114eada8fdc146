namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>Who the bot token belongs to.</summary>
internal sealed record AuthTestResponse
{
    public string Url { get; init; } = "";

    public string Team { get; init; } = "";

    public string User { get; init; } = "";

    public string TeamId { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? BotId { get; init; }
}
