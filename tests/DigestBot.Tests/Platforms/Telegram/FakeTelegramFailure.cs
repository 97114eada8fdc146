namespace DigestBot.Tests.Platforms.Telegram;

public enum FakeTelegramFailure
{
    /// <summary>429 with <c>parameters.retry_after</c>.</summary>
    TooManyRequests,
    /// <summary>HTTP 502 with nginx's HTML page, not JSON.</summary>
    BadGateway,
    /// <summary>The connection is closed without an answer.</summary>
    DropConnection,
    /// <summary>400 <c>Bad Request: chat not found</c>.</summary>
    ChatNotFound,
    /// <summary>403 <c>Forbidden: bot is not a member of the channel chat</c>.</summary>
    NotMember,
    /// <summary>400 <c>Bad Request: message is too long</c>: this message, not the chat.</summary>
    MessageTooLong,
    /// <summary>400 <c>Bad Request: message can't be edited</c>, as for a message too old to edit.</summary>
    MessageCantBeEdited,
}
