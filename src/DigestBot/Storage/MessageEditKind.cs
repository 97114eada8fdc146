namespace DigestBot.Storage;

/// <summary>What a <see cref="MessageEdit"/> does to one posted message.</summary>
internal enum MessageEditKind
{
    /// <summary>Show the note's current text for this part.</summary>
    Edit,

    /// <summary>The note now has this part and the post did not: send it as a reply to (in the thread of) the first part.</summary>
    Send,

    /// <summary>The note no longer has this part: delete the message.</summary>
    Delete,

    /// <summary>The note was withdrawn: delete the message, or where the platform refuses, say it was withdrawn.</summary>
    Withdraw,
}
