namespace DigestBot.Publishing;

/// <summary>
/// How a destination carried out a change to a posted message: the id of a part it sent, and in words what it did
/// instead of what was asked, when the platform refused that (a withdrawn message it would not delete, so edited).
/// </summary>
internal readonly record struct MessageChanged(string? SentMessageId, string? Instead)
{
    public static MessageChanged Done => default;
}
