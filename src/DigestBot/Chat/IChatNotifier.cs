namespace DigestBot.Chat;

/// <summary>Sends an answer into a chat later, not in reply to a message being handled (e.g. when late metadata arrives).</summary>
internal interface IChatNotifier
{
    /// <summary>Matches <see cref="ChatMessage.Platform"/>.</summary>
    ChatPlatform Platform { get; }

    Task NotifyAsync(string chatId, string? replyToMessageId, ChatReply reply, CancellationToken ct);
}
