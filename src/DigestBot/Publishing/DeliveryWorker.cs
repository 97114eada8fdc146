using System.Threading.Channels;

namespace DigestBot.Publishing;

/// <summary>
/// Runs one delivery lane per destination in the background while the bot runs. A slot only takes notes and
/// wakes this worker, so a destination that is down and retrying, or paused, never delays the next slot or another
/// destination. A paused lane wakes by itself when its destination is to be tried again; the lane of a destination
/// that is gone (a subscription that ended) is released. A wake asks the store once which destinations have work and
/// wakes only their lanes: with thousands of subscribed chats, the others would each read the store for nothing.
/// </summary>
internal sealed class DeliveryWorker(Publisher publisher, TimeProvider time, ILogger<DeliveryWorker> log) : BackgroundService
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Lane> lanes = new(StringComparer.Ordinal);

    /// <summary>How many lanes run now; for tests of lane release.</summary>
    internal int LaneCount
    {
        get { lock (lanes) { return lanes.Count; } }
    }

    /// <summary>New delivery records exist (a slot ran): every lane looks again.</summary>
    public void Wake() => wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever a previous run left pending or half-sent is finished first.
        Wake();
        var running = new List<Task>();
        try
        {
            await foreach (var _ in wake.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var destinations = await publisher.DestinationsAsync(stoppingToken);
                    var busy = await publisher.DestinationsWithWorkAsync(stoppingToken);
                    var current = destinations.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
                    lock (lanes)
                    {
                        foreach (var destination in destinations)
                        {
                            if (!lanes.TryGetValue(destination.Key, out var lane))
                            {
                                lanes[destination.Key] = lane = new Lane();
                                running.Add(RunLaneAsync(lane, stoppingToken));
                            }

                            // Destinations from a source may be new objects each time; the lane uses the latest.
                            lane.Destination = destination;
                            if (busy.Contains(destination.Key))
                            {
                                lane.Wake();
                            }
                        }

                        foreach (var gone in lanes.Keys.Where(k => !current.Contains(k)).ToList())
                        {
                            lanes.Remove(gone, out var lane);
                            lane!.Signal.Writer.TryComplete();
                            publisher.Release(gone);
                        }
                    }

                    running.RemoveAll(t => t.IsCompleted);
                    await publisher.ReportUnconfiguredAsync(destinations, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.WakeFailed(log, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running);
    }

    private async Task RunLaneAsync(Lane lane, CancellationToken ct)
    {
        try
        {
            DateTimeOffset? retryAt = null;
            while (await WaitAsync(lane, retryAt, ct))
            {
                retryAt = null;
                while (true)
                {
                    try
                    {
                        retryAt = (await publisher.DeliverToAsync(lane.Destination!, ct)).RetryAt;
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The store itself failed (disk full, locked): nothing is lost, the records are still unfinished.
                        Log.LaneFailed(log, ex, lane.Destination!.Key, PauseAfterFailure);
                        await Task.Delay(PauseAfterFailure, time, ct);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Until the lane is woken, or its paused destination is due to be tried again; false when the lane is released.</summary>
    private async Task<bool> WaitAsync(Lane lane, DateTimeOffset? retryAt, CancellationToken ct)
    {
        if (retryAt is null)
        {
            return await lane.Signal.Reader.WaitToReadAsync(ct) && lane.Signal.Reader.TryRead(out _);
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var due = retryAt.Value - time.GetUtcNow();
        var delay = due > TimeSpan.Zero ? Task.Delay(due, time, timer.Token) : Task.CompletedTask;
        var signal = lane.Signal.Reader.WaitToReadAsync(timer.Token).AsTask();
        var first = await Task.WhenAny(delay, signal);
        await timer.CancelAsync();
        ct.ThrowIfCancellationRequested();
        if (first == signal && !await signal)
        {
            return false;
        }

        lane.Signal.Reader.TryRead(out _);
        return true;
    }

    private sealed class Lane
    {
        public Channel<bool> Signal { get; } = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public IDestination? Destination { get; set; }

        public void Wake() => Signal.Writer.TryWrite(true);
    }
}
