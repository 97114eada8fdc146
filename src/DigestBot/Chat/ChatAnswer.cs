namespace DigestBot.Chat;

/// <summary>
/// What the conversation answers a message: a reply laid out for the asking platform, and the queued note it
/// confirms, if any — the platform remembers where the confirmation went so that a reply to it reaches the note.
/// </summary>
internal sealed record ChatAnswer(ChatReply Reply, long? ConfirmsNoteId = null)
{
    /// <summary>The answer is the one "slow down" of the limits, not what was asked: a page button keeps its page.</summary>
    public bool Limited { get; init; }
}
