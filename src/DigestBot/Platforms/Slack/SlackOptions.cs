namespace DigestBot.Platforms.Slack;

internal sealed class SlackOptions
{
    public const string Section = "Slack";

    /// <summary>Enables Slack (<c>xoxb-…</c>). A secret: never committed, never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>App-level token (<c>xapp-…</c>) for Socket Mode, so no public URL is needed.</summary>
    public string? AppToken { get; set; }

    /// <summary>Verifies HTTP requests from Slack to <c>/slack/events</c> and <c>/slack/commands</c>.</summary>
    public string? SigningSecret { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>Channel id to post to.</summary>
    public string? Channel { get; set; }

    /// <summary>Curator user ids.</summary>
    public IReadOnlyList<string> Admins { get; set; } = [];

    /// <summary>Channel id for alerts to the curators; without it, each of <see cref="Admins"/> gets a direct message.</summary>
    public string? AlertChannel { get; set; }

    /// <summary>Gap between two messages into one channel; Slack allows about one a second.</summary>
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a slash command may take before the answer goes through <c>response_url</c> instead.</summary>
    public TimeSpan CommandAnswerBudget { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    /// <summary>Socket Mode when an app token is set; otherwise Slack calls our HTTP endpoints.</summary>
    public bool SocketMode => !string.IsNullOrWhiteSpace(AppToken);

    public bool IsCurator(string? userId) => userId is not null && Admins.Contains(userId, StringComparer.Ordinal);
}
