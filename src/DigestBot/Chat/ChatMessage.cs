namespace DigestBot.Chat;

/// <summary>
/// A message from any platform, reduced to what the conversation needs. Each platform fills in what its wire
/// format says; the conversation never looks at the wire format itself.
/// </summary>
internal sealed record ChatMessage(ChatPlatform Platform, string ChatId, string UserId, string Text, bool FromCurator)
{
    /// <summary>The platform's id for this message, when it has one; recorded as the source of notes queued from it.</summary>
    public string? MessageId { get; init; }

    public ChatKind Kind { get; init; } = ChatKind.Private;

    /// <summary>Links the platform found in the message's markup (Telegram entities, Slack link elements), besides those in the text.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    /// <summary>The message mentions the bot (Telegram <c>@OurBot</c>, a Slack app mention).</summary>
    public bool MentionsBot { get; init; }

    /// <summary>
    /// The message this one answers, where a confirmation may have been sent: a Telegram reply to one of the bot's
    /// messages, or a Slack thread's root.
    /// </summary>
    public string? RepliesTo { get; init; }

    /// <summary>The message answers one of the bot's own messages (a Telegram reply to it), so it is meant for the bot.</summary>
    public bool RepliesToBot { get; init; }

    /// <summary>The sender's language as the platform reports it (Telegram's <c>language_code</c>); null when it does not.</summary>
    public string? LanguageCode { get; init; }
}
