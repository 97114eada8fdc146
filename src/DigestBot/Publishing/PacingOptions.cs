namespace DigestBot.Publishing;

/// <summary>
/// How fast one platform may be sent to, enforced before each send. Defaults are Telegram's published limits;
/// tests shrink them to run fast without changing the logic. A zero duration turns that limit off.
/// </summary>
internal sealed class PacingOptions
{
    /// <summary>Minimum gap between two messages into the same chat (Telegram: about one a second).</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages allowed into one group or channel in any <see cref="GroupWindow"/> (Telegram: 20 a minute).</summary>
    public int GroupMessagesPerWindow { get; set; } = 20;

    public TimeSpan GroupWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages allowed across all chats in any <see cref="GlobalWindow"/> (Telegram: about 30 a second).</summary>
    public int GlobalMessagesPerWindow { get; set; } = 30;

    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);
}
