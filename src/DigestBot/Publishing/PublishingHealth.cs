using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>What <c>GET /health</c> reports: each configured destination's state, the schedule, the queue, failures, the last post.</summary>
internal sealed record PublishingHealth(
    IReadOnlyList<DestinationStatus> Destinations,
    long Queued,
    long Failed,
    DateTimeOffset? LastPost)
{
    public bool AllOk => Destinations.All(d => !d.Paused);

    /// <summary>A curator's pause of the schedule, if one is in force: meant, so it leaves the health ok.</summary>
    public ScheduleHold? ScheduleHold { get; init; }
}
