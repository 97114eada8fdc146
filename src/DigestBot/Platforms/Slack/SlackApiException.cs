using DigestBot.Publishing;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Slack said no: <c>ok: false</c> with its own code (<see cref="Error"/>, such as <c>channel_not_found</c>), an HTTP
/// error, a 429 longer than the client waits inline, or no answer at all. Classified here, once, for the publisher.
/// </summary>
internal sealed class SlackApiException(string method, string error, Exception? inner = null, TimeSpan? retryAfter = null)
    : PlatformException(Classify(error), error, $"Slack {method} failed: {error}", inner, retryAfter)
{
    /// <summary>Our own code for a call that got no Slack answer (network, time-out, a proxy's page, HTTP 5xx).</summary>
    public const string NoAnswer = "no_answer";

    // Errors Slack documents as momentary; every other ok:false is about the request or the workspace.
    private static readonly HashSet<string> TransientErrors =
        [NoAnswer, "internal_error", "fatal_error", "service_unavailable", "request_timeout", "ratelimited", "team_added_to_org"];

    private static readonly HashSet<string> TokenErrors =
    [
        "invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission",
        "not_allowed_token_type", "missing_scope", "ekm_access_denied", "access_denied", "org_login_required",
    ];

    // The channel is gone, closed to the bot, or never let it in: nothing the bot can change by itself.
    private static readonly HashSet<string> ChannelErrors =
    [
        "channel_not_found", "not_in_channel", "is_archived", "team_access_not_granted",
        "restricted_action", "restricted_action_read_only_channel", "restricted_action_thread_only_channel",
    ];

    // Slack refuses this message's content or shape; the next message may go through.
    private static readonly HashSet<string> MessageErrors =
    [
        "invalid_blocks", "invalid_blocks_format", "msg_too_long", "no_text", "too_many_attachments", "invalid_attachments",
        "invalid_arguments", "invalid_metadata_format", "invalid_metadata_schema", "metadata_too_large", "too_many_contact_cards",
        "cant_update_message", "edit_window_closed", "message_not_found", "cant_delete_message", "thread_not_found",
    ];

    public string Method { get; } = method;

    public string Error { get; } = error;

    /// <summary>Trying the same call again later may succeed.</summary>
    public bool IsTransient => Kind == PlatformErrorKind.Transient;

    /// <summary>The token itself was refused: wrong, revoked, of the wrong kind, or missing a scope.</summary>
    public bool IsTokenError => TokenErrors.Contains(Error);

    /// <summary>The bot cannot post in the channel until someone there changes that (invites it, unarchives it…).</summary>
    public bool IsChannelClosed => ChannelErrors.Contains(Error);

    private static PlatformErrorKind Classify(string error) =>
        TransientErrors.Contains(error) ? PlatformErrorKind.Transient
        : TokenErrors.Contains(error) || ChannelErrors.Contains(error) ? PlatformErrorKind.ThisDestination
        : MessageErrors.Contains(error) ? PlatformErrorKind.ThisMessage
        : PlatformErrorKind.Unknown;
}
