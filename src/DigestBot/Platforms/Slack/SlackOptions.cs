namespace DigestBot.Platforms.Slack;

internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Enables Slack (<c>xoxb-…</c>). A secret: never committed, never logged.</summary>
    public string? BotToken { get; init; }

    /// <summary>App-level token (<c>xapp-…</c>) for Socket Mode, so no public URL is needed.</summary>
    public string? AppToken { get; init; }

    /// <summary>Verifies HTTP requests from Slack to <c>/slack/events</c> and <c>/slack/commands</c>.</summary>
    public string? SigningSecret { get; init; }

    public Uri ApiBaseUrl { get; init; } = new("https://slack.com/api/");

    /// <summary>Channel id to post to.</summary>
    public string? Channel { get; init; }

    /// <summary>Curator user ids.</summary>
    public IReadOnlyList<string> Admins { get; init; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
