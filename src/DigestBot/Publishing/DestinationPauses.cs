using DigestBot.Alerts;
using DigestBot.Background;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>
/// Pausing and resuming a destination that refuses everything (no permission, channel gone, token revoked): its
/// deliveries stay pending, it is probed with backoff, and it resumes by itself. The curators hear once when a
/// destination they configured pauses and once when it resumes; subscribers' chats pause silently.
/// </summary>
internal sealed class DestinationPauses(
    DestinationStateStore states,
    DeliveryStore deliveries,
    CuratorAlerts alerts,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<DestinationPauses> log)
{
    /// <summary>Records the refusal and returns when the destination is tried next.</summary>
    public async Task<DateTimeOffset> PauseAsync(IDestination destination, PlatformException refusal, CancellationToken ct)
    {
        var status = await states.GetAsync(destination.Key, ct);
        var probeAt = NextProbe(status.Paused ? status.Probes + 1 : 0);
        if (await states.PauseAsync(destination.Key, refusal.Message, probeAt, ct))
        {
            Log.DestinationPaused(log, destination.Key, refusal.Message, probeAt);
            if (!destination.IsSubscriber)
            {
                alerts.Raise(new CuratorAlert(
                    $"Posting to {destination.Key} is paused: {refusal.Message}",
                    $"Its posts wait, nothing is lost; DigestBot tries again by itself and then catches up one post every {Minutes(options.Value.CatchUpInterval)}. " +
                    $"To give up what waits instead, send /drop {destination.Key}."));
            }
        }
        else
        {
            Log.DestinationStillPaused(log, destination.Key, refusal.Message, probeAt);
        }

        return probeAt;
    }

    /// <summary>
    /// Before a lane sends: whether its destination is paused, and if so whether to wait (<see cref="Probe.RetryAt"/>)
    /// or to send the next waiting note as the probe. With nothing waiting, the platform is asked without posting.
    /// <paramref name="now"/> ignores the probe's time (a curator's <c>publish</c>).
    /// </summary>
    public async Task<Probe> ProbeAsync(IDestination destination, bool hasWaiting, bool now, CancellationToken ct)
    {
        var status = await states.GetAsync(destination.Key, ct);
        if (!status.Paused)
        {
            return new Probe(false, null);
        }

        if (!now && status.ProbeAt is { } due && due > time.GetUtcNow())
        {
            return new Probe(true, due);
        }

        if (hasWaiting)
        {
            return new Probe(true, null);
        }

        bool? canPost;
        try
        {
            canPost = await destination.CanPostAsync(ct);
        }
        catch (PlatformException ex)
        {
            canPost = ex.Kind == PlatformErrorKind.ThisDestination ? false : null;
        }

        if (canPost == true)
        {
            await ResumedAsync(destination, ct);
            return new Probe(false, null);
        }

        var next = NextProbe(status.Probes + 1);
        await states.PostponeProbeAsync(destination.Key, next, ct);
        return new Probe(true, next);
    }

    /// <summary>A post went through (or the platform says one would): the destination is ok again.</summary>
    public async Task ResumedAsync(IDestination destination, CancellationToken ct)
    {
        if (await states.ResumeAsync(destination.Key, ct) is not { } was)
        {
            return;
        }

        var waiting = (await deliveries.UnfinishedAsync(destination.Key, ct)).Count;
        var since = was.Since is { } s ? time.GetUtcNow() - s : TimeSpan.Zero;
        Log.DestinationResumed(log, destination.Key, since, waiting);
        if (!destination.IsSubscriber)
        {
            alerts.Raise(new CuratorAlert(
                $"Posting to {destination.Key} works again, after {Duration(since)} paused.",
                waiting == 0
                    ? "Nothing was waiting for it."
                    : $"The {waiting} post(s) that waited go out in queue order, one every {Minutes(options.Value.CatchUpInterval)}."));
        }
    }

    private DateTimeOffset NextProbe(int probes) =>
        time.GetUtcNow() + Backoff.After(probes + 1, options.Value.ProbeBaseDelay, options.Value.ProbeMaxDelay);

    private static string Minutes(TimeSpan interval) =>
        interval == TimeSpan.FromMinutes(1) ? "minute" : Duration(interval);

    private static string Duration(TimeSpan span) =>
        span >= TimeSpan.FromHours(1) ? $"{(int)span.TotalHours} h {span.Minutes} min"
        : span >= TimeSpan.FromMinutes(1) ? $"{(int)span.TotalMinutes} min"
        : $"{Math.Max(0, (int)span.TotalSeconds)} s";

    /// <summary>Paused or not; when paused, null <see cref="RetryAt"/> means "send the next waiting note as the probe".</summary>
    public readonly record struct Probe(bool Paused, DateTimeOffset? RetryAt);
}
