namespace DigestBot.Storage;

/// <summary>What a curator's edit of one note came to; anything but <see cref="Updated"/> changed nothing.</summary>
internal enum RevisionOutcome
{
    Updated,

    /// <summary>The edited note is the stored one, field for field.</summary>
    Unchanged,
    NoSuchNote,
    Withdrawn,

    /// <summary>The edit gives the note the key (arXiv id, link or title) of another stored note.</summary>
    KeyTaken,

    /// <summary>The stored note changed otherwise since the edit began from it.</summary>
    OutOfDate,
}
