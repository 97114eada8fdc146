namespace DigestBot.Chat;

/// <summary>What a platform knows about a chat that a subscription depends on; platforms without such rules register none.</summary>
internal interface IChatMembership
{
    ChatPlatform Platform { get; }

    /// <summary>The chat is the configured channel, which receives every post anyway.</summary>
    bool IsPostingChannel(string chatId);

    /// <summary>False when the bot may be unable to post there: not a member, or the platform cannot say.</summary>
    Task<bool> CanPostAsync(string chatId, CancellationToken ct);
}
