namespace DigestBot.Platforms.Slack;

/// <summary>What checking a request's Slack signature found.</summary>
internal enum SlackVerification
{
    Valid,

    /// <summary><c>Slack:SigningSecret</c> is not set, so nothing can be trusted.</summary>
    NoSecret,

    /// <summary>No timestamp or signature header, or one that is malformed.</summary>
    Unsigned,

    /// <summary>The timestamp is more than five minutes from now: possibly a replay.</summary>
    Stale,

    /// <summary>The signature does not match the body.</summary>
    Forged,
}
