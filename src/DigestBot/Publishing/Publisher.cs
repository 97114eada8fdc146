using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>
/// Drives every delivery record from pending to sent or failed. Destinations run independently,
/// so one platform being down never holds another back; within a destination, notes go in queue order.
/// </summary>
internal sealed class Publisher(
    DeliveryStore deliveries,
    NoteStore notes,
    DestinationCatalog catalog,
    IOptions<PublishingOptions> options,
    TimeProvider time,
    ILogger<Publisher> log)
{
    private readonly SemaphoreSlim oneRun = new(1, 1);

    /// <summary>Takes the next <paramref name="count"/> queued notes and delivers them everywhere they are wanted.</summary>
    public async Task<IReadOnlyList<StoredNote>> PublishNextAsync(int count, CancellationToken ct)
    {
        var taken = await TakeAsync(count, ct);
        await DeliverUnfinishedAsync(ct);
        return taken;
    }

    /// <summary>Takes notes from the queue and creates their delivery records, without sending.</summary>
    public async Task<IReadOnlyList<StoredNote>> TakeAsync(int count, CancellationToken ct)
    {
        var targets = await catalog.AllAsync(ct);
        return await deliveries.TakeForSlotAsync(count, targets, ct);
    }

    public async Task<IReadOnlyList<string>> DestinationKeysAsync(CancellationToken ct) =>
        (await catalog.AllAsync(ct)).Select(d => d.Key).ToList();

    /// <summary>Finishes every pending delivery, and any left in 'sending' by a crash.</summary>
    public async Task DeliverUnfinishedAsync(CancellationToken ct)
    {
        await oneRun.WaitAsync(ct);
        try
        {
            var targets = await catalog.AllAsync(ct);
            var unfinished = await deliveries.UnfinishedAsync(ct);
            var byDestination = unfinished.GroupBy(d => d.Destination).ToList();
            await Task.WhenAll(byDestination.Select(group => DeliverAllAsync(targets, group.Key, group.ToList(), ct)));
        }
        finally
        {
            oneRun.Release();
        }
    }

    private async Task DeliverAllAsync(IReadOnlyList<IDestination> targets, string key, IReadOnlyList<DeliveryRecord> records, CancellationToken ct)
    {
        var destination = targets.FirstOrDefault(d => d.Key == key);
        if (destination is null)
        {
            Log.DestinationNotConfigured(log, key, records.Count);
            return;
        }

        foreach (var record in records)
        {
            if (record.State == DeliveryState.Sending)
            {
                Log.ResumingInterruptedDelivery(log, record.NoteId, key, record.PartsSent);
            }

            await DeliverOneAsync(destination, record, ct);
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
                await deliveries.MarkSendingAsync(record.NoteId, destination.Key, ct);
                var permalink = await destination.SendAsync(
                    stored.Note,
                    sentIds,
                    async (messageId, token) =>
                    {
                        // Written before the next part is sent: a crash repeats at most the part in flight.
                        await deliveries.MarkPartSentAsync(record.NoteId, destination.Key, messageId, CancellationToken.None);
                        sentIds.Add(messageId);
                    },
                    ct);
                await deliveries.MarkSentAsync(record.NoteId, destination.Key, permalink, CancellationToken.None);
                Log.Delivered(log, record.NoteId, destination.Key, string.Join(",", sentIds));
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
                var wait = Backoff(failures);
                Log.DeliveryFailedWillRetry(log, ex, record.NoteId, destination.Key, failures, wait);
                await Task.Delay(wait, time, ct);
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var o = options.Value;
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(o.RetryBaseDelay.Ticks * factor, o.RetryMaxDelay.Ticks));
        return wait;
    }
}
