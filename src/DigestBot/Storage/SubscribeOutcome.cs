namespace DigestBot.Storage;

/// <summary>What asking to subscribe did.</summary>
internal enum SubscribeOutcome
{
    Added,

    /// <summary>The chat followed all of it already.</summary>
    Unchanged,

    /// <summary>The chat was not subscribed and as many chats as allowed are: nothing was stored.</summary>
    Full,

    /// <summary>The chat would follow more tags than allowed: nothing was stored.</summary>
    TooManyTags,
}
