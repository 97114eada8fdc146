using System.Diagnostics.Metrics;
using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>
/// The publishing path's instruments on the <c>DigestBot</c> meter, exported at <c>/metrics</c>: posts sent per
/// destination, failures by kind, 429 waits, and the queue's length read from the store when scraped.
/// </summary>
internal sealed class PublishingMetrics
{
    public const string MeterName = "DigestBot";

    private readonly Counter<long> posts;
    private readonly Counter<long> failures;
    private readonly Counter<long> rateLimits;
    private readonly Histogram<double> rateLimitWaits;

    public PublishingMetrics(IMeterFactory meters, DeliveryStore deliveries)
    {
        var meter = meters.Create(MeterName);
        posts = meter.CreateCounter<long>("digestbot.posts.sent", "{post}", "Notes posted, per destination (subscribers' chats counted as 'subscriber').");
        failures = meter.CreateCounter<long>("digestbot.delivery.failures", "{failure}", "Sends that failed, by kind: transient, this_message, this_destination, unknown.");
        rateLimits = meter.CreateCounter<long>("digestbot.rate_limits", "{response}", "429 answers the platforms gave, per platform.");
        rateLimitWaits = meter.CreateHistogram<double>("digestbot.rate_limit.wait", "s", "Time waited after a 429, as the platform asked.");
        meter.CreateObservableGauge(
            "digestbot.queue.length",
            () => deliveries.CountsAsync(CancellationToken.None).GetAwaiter().GetResult().Queued,
            "{note}",
            "Notes waiting in the queue for a slot.");
        meter.CreateObservableGauge(
            "digestbot.deliveries.failed",
            () => deliveries.CountsAsync(CancellationToken.None).GetAwaiter().GetResult().Failed,
            "{delivery}",
            "Deliveries marked failed (retry sends them again).");
    }

    public void Posted(IDestination destination) =>
        posts.Add(1, new KeyValuePair<string, object?>("destination", destination.IsSubscriber ? "subscriber" : destination.Key));

    public void Failed(IDestination destination, PlatformErrorKind kind) =>
        failures.Add(
            1,
            new KeyValuePair<string, object?>("kind", Name(kind)),
            new KeyValuePair<string, object?>("destination", destination.IsSubscriber ? "subscriber" : destination.Key));

    /// <summary>A 429, waited out by whoever got it (a platform client inline, or the publisher).</summary>
    public void RateLimited(string platform, TimeSpan wait)
    {
        var tag = new KeyValuePair<string, object?>("platform", platform);
        rateLimits.Add(1, tag);
        rateLimitWaits.Record(wait.TotalSeconds, tag);
    }

    private static string Name(PlatformErrorKind kind) => kind switch
    {
        PlatformErrorKind.Transient => "transient",
        PlatformErrorKind.ThisMessage => "this_message",
        PlatformErrorKind.ThisDestination => "this_destination",
        _ => "unknown",
    };
}
