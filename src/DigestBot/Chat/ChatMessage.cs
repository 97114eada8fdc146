namespace DigestBot.Chat;

/// <summary>A message from any platform, reduced to what the command handling needs.</summary>
internal sealed record ChatMessage(string Platform, string ChatId, string UserId, string Text, bool FromCurator)
{
    /// <summary>The platform's id for this message, when it has one; recorded as the source of notes queued from it.</summary>
    public string? MessageId { get; init; }
}
