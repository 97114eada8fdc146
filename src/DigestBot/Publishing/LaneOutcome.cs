namespace DigestBot.Publishing;

/// <summary>
/// How a lane's pass ended: nothing left to send (<see cref="RetryAt"/> null), or its destination paused and to be
/// tried again at <see cref="RetryAt"/>.
/// </summary>
internal readonly record struct LaneOutcome(DateTimeOffset? RetryAt)
{
    public static LaneOutcome Idle => new(null);
}
