namespace DigestBot.Platforms.Slack;

/// <summary>Slack answered <c>ok: false</c>; <see cref="Error"/> is Slack's own code, such as <c>channel_not_found</c>.</summary>
internal sealed class SlackApiException(string method, string error)
    : Exception($"Slack {method} failed: {error}")
{
    // Errors Slack documents as momentary; every other ok:false is about the request or the workspace.
    private static readonly HashSet<string> TransientErrors =
        ["internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_added_to_org"];

    private static readonly HashSet<string> TokenErrors =
        ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "not_allowed_token_type"];

    // The channel is gone, closed to the bot, or never let it in: nothing the bot can change by itself.
    private static readonly HashSet<string> ChannelErrors =
    [
        "channel_not_found", "not_in_channel", "is_archived", "team_access_not_granted",
        "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
    ];

    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Trying the same call again later may succeed.</summary>
    public bool IsTransient => TransientErrors.Contains(Error);

    /// <summary>The token itself was refused: wrong, revoked, or of the wrong kind.</summary>
    public bool IsTokenError => TokenErrors.Contains(Error);

    /// <summary>The bot cannot post in the channel until someone there changes that (invites it, unarchives it…).</summary>
    public bool IsChannelClosed => ChannelErrors.Contains(Error);
}
