using DigestBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DigestBot.Publishing;

/// <summary>
/// Healthy while every destination the operator configured takes posts; unhealthy while one is paused, so an
/// orchestrator (or a person) sees it. Subscribers' chats are not listed: they end rather than pause for good.
/// </summary>
internal sealed class PublishingHealthCheck(DestinationCatalog catalog, DestinationStateStore states, DeliveryStore deliveries, SchedulePause pause) : IHealthCheck
{
    public const string DataKey = "publishing";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await ReadAsync(cancellationToken);
        var data = new Dictionary<string, object> { [DataKey] = health };
        return health.AllOk
            ? HealthCheckResult.Healthy("Every destination takes posts.", data)
            : HealthCheckResult.Unhealthy(
                "Paused: " + string.Join(", ", health.Destinations.Where(d => d.Paused).Select(d => d.Destination)),
                data: data);
    }

    public async Task<PublishingHealth> ReadAsync(CancellationToken ct)
    {
        var configured = (await catalog.AllAsync(ct)).Where(d => !d.IsSubscriber).ToList();
        var statuses = new List<DestinationStatus>();
        DateTimeOffset? lastPost = null;
        foreach (var destination in configured)
        {
            statuses.Add(await states.GetAsync(destination.Key, ct));
            if (await deliveries.LastPostAsync(destination.Key, ct) is { } last && (lastPost is null || last.SentAt > lastPost))
            {
                lastPost = last.SentAt;
            }
        }

        var (queued, failed) = await deliveries.CountsAsync(ct);
        return new PublishingHealth(statuses, queued, failed, lastPost) { ScheduleHold = await pause.CurrentAsync(ct) };
    }
}
