using System.Globalization;
using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>
/// Takes notes from the queue at each slot and wakes the <see cref="DeliveryWorker"/> to send them. A fresh start
/// waits for the next slot; after downtime it runs one slot's worth at once, not every missed slot, then resumes.
/// </summary>
internal sealed class SlotScheduler(
    SlotSchedule schedule,
    Publisher publisher,
    DeliveryWorker worker,
    DeliveryStore deliveries,
    SchedulePause pause,
    TimeProvider time,
    ILogger<SlotScheduler> log) : BackgroundService
{
    internal const string LastSlotKey = DeliveryStore.LastSlotKey;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var last = await LastSlotAsync(stoppingToken);
        if (last is null)
        {
            await deliveries.SetStateAsync(LastSlotKey, NoteRows.Time(now), stoppingToken);
        }
        else if (schedule.Next(last.Value) is { } missed && missed <= now)
        {
            Log.CatchingUp(log, last.Value);
            await RunSlotAsync(now, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.Next(time.GetUtcNow());
            if (next is null)
            {
                return;
            }

            Log.NextSlot(log, next.Value);
            while (time.GetUtcNow() < next.Value)
            {
                await Waits.UntilAsync(next.Value, time, stoppingToken);
            }

            await RunSlotAsync(next.Value, stoppingToken);
        }
    }

    private async Task RunSlotAsync(DateTimeOffset slot, CancellationToken ct)
    {
        try
        {
            if (await pause.CurrentAsync(ct) is { } hold && hold.Holds(slot))
            {
                // Recorded as run, so neither a restart nor the resume makes up for the slots the pause skipped.
                Log.SlotPaused(log, slot, hold.Until is { } until ? " until " + NoteRows.Time(until) : "");
                await deliveries.SetStateAsync(LastSlotKey, NoteRows.Time(slot), ct);
                return;
            }

            var taken = await publisher.TakeAsync(schedule.NotesPerSlot, slot, ct);
            if (taken.Count > 0)
            {
                Log.SlotTaken(log, slot, taken.Count);
            }

            worker.Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SlotFailed(log, ex, slot);
        }
    }

    private async Task<DateTimeOffset?> LastSlotAsync(CancellationToken ct) =>
        await deliveries.GetStateAsync(LastSlotKey, ct) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
}
