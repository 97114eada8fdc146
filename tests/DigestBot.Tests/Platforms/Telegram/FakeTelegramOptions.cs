namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Limits default to Telegram's published ones; set a limit to <see langword="null"/> to turn it off.</summary>
internal sealed class FakeTelegramOptions
{
    public string Token { get; init; } = "123456789:AAFakeTokenForDigestBotTests_0123456";

    public string BotUsername { get; init; } = "digest_test_bot";

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Minimum gap between two messages into the same chat.</summary>
    public TimeSpan? PerChatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages allowed into one group or channel per <see cref="GroupWindow"/>.</summary>
    public int? GroupMessagesPerWindow { get; init; } = 20;

    public TimeSpan GroupWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages allowed across all chats per <see cref="GlobalWindow"/>.</summary>
    public int? GlobalMessagesPerWindow { get; init; } = 30;

    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long <c>sendMessage</c> takes to answer, as a network round trip to Telegram would; none by default.</summary>
    public TimeSpan? SendLatency { get; init; }

    /// <summary>
    /// Whether <see cref="FakeTelegramServer.Calls"/> keeps each call with its text and parameters. The benchmarks turn
    /// it off and read <see cref="FakeTelegramServer.Answers"/>: thousands of kept calls made the fake's own garbage
    /// collections pause it for tens of milliseconds, which read as the bot's latency. Off, the fake also forgets the
    /// texts it accepted, so a reply to or an edit of a sent message is answered as if that message did not exist.
    /// </summary>
    public bool KeepBodies { get; init; } = true;

    public static FakeTelegramOptions Unlimited(TimeProvider? time = null, TimeSpan? sendLatency = null, bool keepBodies = true) => new()
    {
        Time = time ?? TimeProvider.System,
        SendLatency = sendLatency,
        KeepBodies = keepBodies,
        PerChatInterval = null,
        GroupMessagesPerWindow = null,
        GlobalMessagesPerWindow = null,
    };

    /// <summary>Telegram's limits shrunk 100-fold in time (20 per 600 ms per channel, 10 ms per chat), so pacing tests run in seconds.</summary>
    public static FakeTelegramOptions Shrunken() => new()
    {
        PerChatInterval = TimeSpan.FromMilliseconds(10),
        GroupMessagesPerWindow = 20,
        GroupWindow = TimeSpan.FromMilliseconds(600),
        GlobalMessagesPerWindow = 30,
        GlobalWindow = TimeSpan.FromMilliseconds(10),
    };
}
