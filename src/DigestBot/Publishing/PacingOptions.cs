namespace DigestBot.Publishing;

/// <summary>
/// How fast one platform may be sent to, enforced before each send. Defaults are Telegram's published limits;
/// tests shrink them to run fast without changing the logic. A zero duration turns that limit off.
/// </summary>
internal sealed class PacingOptions
{
    /// <summary>Minimum gap between two messages into the same chat (Telegram: about one a second).</summary>
    public TimeSpan PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages allowed into one group or channel in any <see cref="GroupWindow"/> (Telegram: 20 a minute).</summary>
    public int GroupMessagesPerWindow { get; init; } = 20;

    public TimeSpan GroupWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages allowed across all chats in any <see cref="GlobalWindow"/> (Telegram: about 30 a second).</summary>
    public int GlobalMessagesPerWindow { get; init; } = 30;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);
}
