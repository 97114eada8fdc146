using System.Collections.Concurrent;
using DigestBot.Alerts;
using DigestBot.Background;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>
/// Drives every delivery record from pending through sending to sent or failed. Each destination is its own lane:
/// notes go in queue order within it, and one destination retrying or paused never holds another back. What a
/// platform's refusal means was decided by its client (<see cref="PlatformErrorKind"/>); the lane acts on it.
/// </summary>
internal sealed class Publisher(
    DeliveryStore deliveries,
    MessageEditStore edits,
    PostEditor editor,
    NoteStore notes,
    DestinationCatalog catalog,
    DestinationPauses pauses,
    CuratorAlerts alerts,
    PublishingMetrics metrics,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<Publisher> log)
{
    private readonly ConcurrentDictionary<string, Lane> lanes = new(StringComparer.Ordinal);
    private readonly SubscriberTurns turns = new(options.Value.SubscriberLanes);

    /// <summary>
    /// Takes the next <paramref name="count"/> queued notes and delivers them, and anything left unfinished, everywhere;
    /// a paused destination is tried at once rather than at its probe time.
    /// </summary>
    public async Task<IReadOnlyList<StoredNote>> PublishNextAsync(int count, CancellationToken ct)
    {
        var taken = await TakeAsync(count, null, ct);
        await DeliverUnfinishedAsync(ct, probeNow: true);
        return taken;
    }

    /// <summary>
    /// Takes notes from the queue and creates their delivery records, without sending. When <paramref name="slot"/>
    /// is given it is stored as the last slot run in the same transaction, so a crash cannot run a slot twice.
    /// </summary>
    public async Task<IReadOnlyList<StoredNote>> TakeAsync(int count, DateTimeOffset? slot, CancellationToken ct)
    {
        var targets = await catalog.AllAsync(ct);
        return await deliveries.TakeForSlotAsync(count, targets, slot, ct);
    }

    public Task<IReadOnlyList<IDestination>> DestinationsAsync(CancellationToken ct) => catalog.AllAsync(ct);

    /// <summary>Keys of the destinations with deliveries or changes waiting.</summary>
    public Task<IReadOnlySet<string>> DestinationsWithWorkAsync(CancellationToken ct) => deliveries.DestinationsWithWorkAsync(ct);

    /// <summary>Finishes every unfinished delivery to every configured destination that is not paused, the lanes side by side.</summary>
    public async Task DeliverUnfinishedAsync(CancellationToken ct, bool probeNow = false)
    {
        var targets = await catalog.AllAsync(ct);
        await ReportUnconfiguredAsync(targets, ct);
        await Task.WhenAll(targets.Select(d => DeliverToAsync(d, ct, probeNow)));
    }

    /// <summary>Logs delivery records waiting for a destination that is not configured now.</summary>
    public async Task ReportUnconfiguredAsync(IReadOnlyList<IDestination> targets, CancellationToken ct)
    {
        var keys = targets.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var orphans in (await deliveries.UnfinishedAsync(ct)).GroupBy(d => d.Destination).Where(g => !keys.Contains(g.Key)))
        {
            Log.DestinationNotConfigured(log, orphans.Key, orphans.Count());
        }
    }

    /// <summary>Forgets a lane whose destination is gone (a subscription that ended).</summary>
    public void Release(string destinationKey) => lanes.TryRemove(destinationKey, out _);

    /// <summary>
    /// One lane: delivers the destination's unfinished records in queue order until none is left, including any a slot
    /// adds meanwhile. Transient failures are retried here for as long as it takes; nothing is dropped. Returns when
    /// the destination is to be tried again if it is paused.
    /// </summary>
    public async Task<LaneOutcome> DeliverToAsync(IDestination destination, CancellationToken ct, bool probeNow = false)
    {
        var lane = lanes.GetOrAdd(destination.Key, _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            using var turn = await turns.TakeAsync(destination, ct);
            if (!lane.LastPostRead)
            {
                lane.LastPost = await deliveries.LastPostAsync(destination.Key, ct);
                lane.LastPostRead = true;
            }

            var done = new HashSet<long>();
            var changed = new HashSet<long>();
            while (true)
            {
                var records = (await deliveries.UnfinishedAsync(destination.Key, ct)).Where(r => !done.Contains(r.NoteId)).ToList();
                var changes = (await edits.PendingAsync(destination.Key, ct)).Where(e => !changed.Contains(e.Id)).ToList();
                var probe = await pauses.ProbeAsync(destination, records.Count > 0 || changes.Count > 0, probeNow, ct);
                if (probe.RetryAt is { } retryAt)
                {
                    return new LaneOutcome(retryAt);
                }

                probeNow = false;
                if (records.Count == 0 && changes.Count == 0)
                {
                    return LaneOutcome.Idle;
                }

                // Changes to what went out first: they are few and quick, and a backlog must not hold a correction back.
                if (changes.Count > 0)
                {
                    changed.UnionWith(changes.Select(e => e.Id));
                    if (await editor.ApplyAsync(destination, changes, probe.Paused, ct) is { } editPaused)
                    {
                        return new LaneOutcome(editPaused);
                    }

                    probe = default;
                    continue;
                }

                foreach (var record in records)
                {
                    if (record.State == DeliveryState.Sending)
                    {
                        Log.ResumingInterruptedDelivery(log, record.NoteId, destination.Key, record.PartsSent);
                    }

                    await WaitToCatchUpAsync(destination, lane, record, turn, ct);
                    var (outcome, pausedUntil) = await DeliverOneAsync(destination, lane, record, probe.Paused, turn, ct);
                    if (outcome == DeliveryOutcome.DestinationRefused)
                    {
                        return new LaneOutcome(pausedUntil);
                    }

                    probe = default;
                    done.Add(record.NoteId);
                }
            }
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>
    /// A backlog — notes a slot took before the lane's last post went out, other than that post's own slot — goes out no
    /// faster than <see cref="PublishingOptions.CatchUpInterval"/>, so readers never get a burst after a pause or an outage.
    /// </summary>
    private async Task WaitToCatchUpAsync(IDestination destination, Lane lane, DeliveryRecord record, SubscriberTurn turn, CancellationToken ct)
    {
        if (lane.LastPost is not { } last || record.TakenAt is not { } taken || taken >= last.SentAt || taken == last.TakenAt)
        {
            return;
        }

        var due = last.SentAt + options.Value.CatchUpInterval;
        if (due > time.GetUtcNow())
        {
            Log.CatchingUpBacklog(log, record.NoteId, destination.Key, due);
            await turn.AwayAsync(() => Waits.UntilAsync(due, time, ct), ct);
        }
    }

    private async Task<(DeliveryOutcome Outcome, DateTimeOffset? PausedUntil)> DeliverOneAsync(
        IDestination destination, Lane lane, DeliveryRecord record, bool probing, SubscriberTurn turn, CancellationToken ct)
    {
        var stored = await notes.FindAsync(record.NoteId, ct);
        if (stored is null)
        {
            return (DeliveryOutcome.Failed, null);
        }

        var sentIds = new List<string>(record.MessageIds);
        var transientFailures = 0;
        var unexplainedFailures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                // 'sending' is on disk before the platform is called: after a crash, this is how the restart knows.
                await deliveries.MarkSendingAsync(record.NoteId, destination.Key, ct);
                var permalink = await destination.SendAsync(
                    stored.Note,
                    [.. sentIds],
                    async (messageId, _) =>
                    {
                        // Written before the next part is sent: a crash repeats at most the part in flight.
                        await deliveries.MarkPartSentAsync(record.NoteId, destination.Key, messageId, CancellationToken.None);
                        sentIds.Add(messageId);
                    },
                    ct);
                await deliveries.MarkSentAsync(record.NoteId, destination.Key, permalink, CancellationToken.None);
                lane.LastPost = (time.GetUtcNow(), record.TakenAt);
                metrics.Posted(destination);
                Log.Delivered(log, record.NoteId, destination.Key, string.Join(",", sentIds), permalink ?? "");
                if (probing)
                {
                    await pauses.ResumedAsync(destination, CancellationToken.None);
                }

                return (DeliveryOutcome.Sent, null);
            }
            catch (SubscriptionEndedException ex)
            {
                metrics.Failed(destination, ex.Kind);
                var dropped = await deliveries.DropUnfinishedAsync(destination.Key, ex.Message, CancellationToken.None);
                Log.SubscriptionEnded(log, destination.Key, dropped);
                Release(destination.Key);
                return (DeliveryOutcome.DestinationRefused, null);
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.ThisDestination)
            {
                metrics.Failed(destination, ex.Kind);
                await deliveries.MarkPendingAsync(record.NoteId, destination.Key, CancellationToken.None);
                return (DeliveryOutcome.DestinationRefused, await pauses.PauseAsync(destination, ex, CancellationToken.None));
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.ThisMessage)
            {
                metrics.Failed(destination, ex.Kind);
                await FailAsync(destination, stored, ex.Message);
                return (DeliveryOutcome.Failed, null);
            }
            catch (PlatformException ex) when (ex.Kind == PlatformErrorKind.Transient)
            {
                metrics.Failed(destination, ex.Kind);
                TimeSpan wait;
                if (ex.RetryAfter is { } named)
                {
                    wait = named;
                    metrics.RateLimited(destination.Key.Split(':')[0], wait);
                    Log.RateLimited(log, record.NoteId, destination.Key, wait);
                }
                else
                {
                    wait = Backoff.After(++transientFailures, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                    Log.DeliveryFailedWillRetry(log, ex, record.NoteId, destination.Key, transientFailures, wait);
                }

                // Measured on the clock the wait is reported against: a timer may fire a hair early by that clock.
                await turn.AwayAsync(() => Waits.UntilAsync(time.GetUtcNow() + wait, time, ct), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                metrics.Failed(destination, PlatformErrorKind.Unknown);
                unexplainedFailures++;
                if (unexplainedFailures >= options.Value.MaxAttempts)
                {
                    await FailAsync(destination, stored, $"{ex.Message} (gave up after {unexplainedFailures} attempts)");
                    return (DeliveryOutcome.Failed, null);
                }

                var wait = Backoff.After(unexplainedFailures, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                Log.DeliveryFailedWillRetry(log, ex, record.NoteId, destination.Key, unexplainedFailures, wait);
                await turn.AwayAsync(() => Task.Delay(wait, time, ct), ct);
            }
        }
    }

    private async Task FailAsync(IDestination destination, StoredNote stored, string reason)
    {
        await deliveries.MarkFailedAsync(stored.Id, destination.Key, reason, CancellationToken.None);
        Log.DeliveryRejected(log, stored.Id, destination.Key, reason);
        if (!destination.IsSubscriber)
        {
            alerts.Raise(new CuratorAlert(
                $"“{stored.Note.Title}” (note {stored.Id}) was not posted to {destination.Key}: {reason}",
                $"The queue goes on. Once the cause is fixed, send /retry {stored.Id} to post it at the next slot."));
        }
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool LastPostRead { get; set; }

        /// <summary>When the lane last posted, and when a slot took that note.</summary>
        public (DateTimeOffset SentAt, DateTimeOffset? TakenAt)? LastPost { get; set; }
    }
}
