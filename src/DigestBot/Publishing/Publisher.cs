using DigestBot.Hosting;
using System.Collections.Concurrent;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>
/// Drives every delivery record from pending through sending to sent or failed. Each destination is its own lane:
/// notes go in queue order within it, and one destination retrying for a long time never holds another back.
/// </summary>
internal sealed class Publisher(
    DeliveryStore deliveries,
    NoteStore notes,
    DestinationCatalog catalog,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<Publisher> log)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> lanes = new(StringComparer.Ordinal);

    /// <summary>Takes the next <paramref name="count"/> queued notes and delivers them, and anything left unfinished, everywhere.</summary>
    public async Task<IReadOnlyList<StoredNote>> PublishNextAsync(int count, CancellationToken ct)
    {
        var taken = await TakeAsync(count, null, ct);
        await DeliverUnfinishedAsync(ct);
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

    /// <summary>Finishes every unfinished delivery to every configured destination, the lanes side by side.</summary>
    public async Task DeliverUnfinishedAsync(CancellationToken ct)
    {
        var targets = await catalog.AllAsync(ct);
        await ReportUnconfiguredAsync(targets, ct);
        await Task.WhenAll(targets.Select(d => DeliverToAsync(d, ct)));
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

    /// <summary>
    /// One lane: delivers the destination's unfinished records in queue order until none is left, including any
    /// a slot adds meanwhile. Transient failures are retried here for as long as it takes; nothing is dropped.
    /// </summary>
    public async Task DeliverToAsync(IDestination destination, CancellationToken ct)
    {
        var lane = lanes.GetOrAdd(destination.Key, _ => new SemaphoreSlim(1, 1));
        await lane.WaitAsync(ct);
        try
        {
            var done = new HashSet<long>();
            while (true)
            {
                var records = (await deliveries.UnfinishedAsync(destination.Key, ct)).Where(r => !done.Contains(r.NoteId)).ToList();
                if (records.Count == 0)
                {
                    return;
                }

                foreach (var record in records)
                {
                    if (record.State == DeliveryState.Sending)
                    {
                        Log.ResumingInterruptedDelivery(log, record.NoteId, destination.Key, record.PartsSent);
                    }

                    await DeliverOneAsync(destination, record, ct);
                    done.Add(record.NoteId);
                }
            }
        }
        finally
        {
            lane.Release();
        }
    }

    private async Task DeliverOneAsync(IDestination destination, DeliveryRecord record, CancellationToken ct)
    {
        var stored = await notes.FindAsync(record.NoteId, ct);
        if (stored is null)
        {
            return;
        }

        var sentIds = new List<string>(record.MessageIds);
        var failures = 0;
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
                Log.Delivered(log, record.NoteId, destination.Key, string.Join(",", sentIds), permalink ?? "");
                return;
            }
            catch (DeliveryRejectedException ex)
            {
                await deliveries.MarkFailedAsync(record.NoteId, destination.Key, ex.Message, CancellationToken.None);
                Log.DeliveryRejected(log, record.NoteId, destination.Key, ex.Message);
                return;
            }
            catch (RetryAfterException ex)
            {
                Log.RateLimited(log, record.NoteId, destination.Key, ex.Wait);
                await Task.Delay(ex.Wait, time, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failures++;
                var wait = Backoff.After(failures, options.Value.RetryBaseDelay, options.Value.RetryMaxDelay);
                Log.DeliveryFailedWillRetry(log, ex, record.NoteId, destination.Key, failures, wait);
                await Task.Delay(wait, time, ct);
            }
        }
    }
}
