namespace DigestBot.Publishing;

internal sealed class PublishingOptions
{
    public const string Section = "Publishing";

    /// <summary>First wait after a transient failure; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tries of a send that fails in a way no platform rule explains, before its delivery is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Least time between two posts of a backlog (after a pause or an outage), so readers never get a burst.</summary>
    public TimeSpan CatchUpInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait before a paused destination is tried again; doubles up to <see cref="ProbeMaxDelay"/>.</summary>
    public TimeSpan ProbeBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan ProbeMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Subscribed chats delivered to at once (see <see cref="SubscriberTurns"/>); channels are not counted.</summary>
    public int SubscriberLanes { get; set; } = 256;
}
