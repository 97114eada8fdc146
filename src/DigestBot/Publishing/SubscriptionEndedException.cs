namespace DigestBot.Publishing;

/// <summary>
/// A subscribed chat refused the bot for good (blocked, removed, deleted): the destination has ended the subscription,
/// and the publisher drops what was still waiting for it instead of pausing.
/// </summary>
internal sealed class SubscriptionEndedException(string platformWords, string message, Exception? inner = null)
    : PlatformException(PlatformErrorKind.ThisDestination, platformWords, message, inner);
