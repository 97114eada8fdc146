namespace DigestBot.Chat;

/// <summary>
/// Who someone is, as a platform knows it: the administrator of a group, a member of the channel the bot serves.
/// Platforms without such rules register none, and their chats keep no rule of this kind.
/// </summary>
internal interface IChatRoles
{
    ChatPlatform Platform { get; }

    /// <summary>The sender runs the chat (its creator or an administrator); false when the platform cannot say.</summary>
    Task<bool> IsAdministratorAsync(string chatId, string userId, CancellationToken ct);

    /// <summary>The sender may look things up and subscribe: anyone, unless the bot answers only its channel's members.</summary>
    Task<bool> IsReaderAsync(string userId, CancellationToken ct);
}
