using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>What <c>GET /health</c> reports: each configured destination's state, the queue, failures, the last post.</summary>
internal sealed record PublishingHealth(
    IReadOnlyList<DestinationStatus> Destinations,
    long Queued,
    long Failed,
    DateTimeOffset? LastPost)
{
    public bool AllOk => Destinations.All(d => !d.Paused);
}
