using System.Threading.Channels;

namespace DigestBot.Publishing;

/// <summary>
/// Runs one delivery lane per destination in the background while the bot runs. A slot only takes notes and
/// wakes this worker, so a destination that is down and retrying never delays the next slot or another destination.
/// </summary>
internal sealed class DeliveryWorker(Publisher publisher, TimeProvider time, ILogger<DeliveryWorker> log) : BackgroundService
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Lane> lanes = new(StringComparer.Ordinal);

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
                    foreach (var destination in destinations)
                    {
                        if (!lanes.TryGetValue(destination.Key, out var lane))
                        {
                            lanes[destination.Key] = lane = new Lane();
                            running.Add(RunLaneAsync(lane, stoppingToken));
                        }

                        // Destinations from a source may be new objects each time; the lane uses the latest.
                        lane.Destination = destination;
                        lane.Wake();
                    }

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
            await foreach (var _ in lane.Signal.Reader.ReadAllAsync(ct))
            {
                while (true)
                {
                    try
                    {
                        await publisher.DeliverToAsync(lane.Destination!, ct);
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

    private sealed class Lane
    {
        public Channel<bool> Signal { get; } = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public IDestination? Destination { get; set; }

        public void Wake() => Signal.Writer.TryWrite(true);
    }
}
