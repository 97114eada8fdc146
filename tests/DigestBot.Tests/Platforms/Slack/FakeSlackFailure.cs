namespace DigestBot.Tests.Platforms.Slack;

public enum FakeSlackFailure
{
    /// <summary>HTTP 429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>HTTP 503 with an HTML page, as a load balancer answers.</summary>
    Unavailable,

    /// <summary>200 with <c>ok: false, error: internal_error</c>.</summary>
    InternalError,

    /// <summary>200 with <c>ok: false, error: missing_scope</c>: the app was installed without the scope the method needs.</summary>
    MissingScope,

    /// <summary>200 with <c>ok: false, error: invalid_blocks</c>: Slack refuses this message's blocks.</summary>
    InvalidBlocks,

    /// <summary>200 with <c>ok: false, error: edit_window_closed</c>: the workspace no longer lets this message be edited.</summary>
    EditWindowClosed,
}
