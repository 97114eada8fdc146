namespace DigestBot.Publishing;

/// <summary>
/// Who goes first when sends wait for the same limits (<see cref="SendPacer"/>): the channel's post is due at its slot,
/// a person is waiting for an answer, and a subscribed chat's copy can come a little later.
/// </summary>
internal enum SendPriority
{
    /// <summary>A note posted, edited or withdrawn in the configured channel (Telegram's, Slack's).</summary>
    Post = 0,

    /// <summary>A reply or a page edit in a chat, and alerts to the curators.</summary>
    Answer = 1,

    /// <summary>A note's copy in a chat that subscribed.</summary>
    SubscriberCopy = 2,
}
