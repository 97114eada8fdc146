namespace DigestBot.Publishing;

/// <summary>What a platform's refusal concerns, decided once where the platform's answer is read (its API client).</summary>
internal enum PlatformErrorKind
{
    /// <summary>Network, time-out, 5xx, 429: the same call may succeed later; retried with backoff or the wait named.</summary>
    Transient,

    /// <summary>The platform refuses this message's content: the delivery fails, the destination goes on.</summary>
    ThisMessage,

    /// <summary>No permission, channel gone, token revoked: nothing can be sent there until someone fixes it.</summary>
    ThisDestination,

    /// <summary>An answer none of the above explains: retried a few times (<see cref="PublishingOptions.MaxAttempts"/>), then failed.</summary>
    Unknown,
}
