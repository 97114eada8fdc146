namespace DigestBot.Publishing;

/// <summary>
/// A platform said no, already classified by the platform's client. <see cref="PlatformWords"/> is what the platform
/// said (Slack's error code, Telegram's description), kept for the delivery record and the curators' alert.
/// </summary>
internal class PlatformException(PlatformErrorKind kind, string platformWords, string message, Exception? inner = null, TimeSpan? retryAfter = null)
    : Exception(message, inner)
{
    public PlatformErrorKind Kind { get; } = kind;

    public string PlatformWords { get; } = platformWords;

    /// <summary>The wait the platform named (429 <c>retry_after</c>, <c>Retry-After</c>); waited exactly.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
