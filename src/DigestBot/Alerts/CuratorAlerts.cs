using System.Threading.Channels;

namespace DigestBot.Alerts;

/// <summary>
/// Where every feature raises what needs a human. Each alert is logged at once and, while the bot runs, queued for
/// <see cref="AlertSender"/>; raising never waits for a platform. Callers raise once per event (a state that changes,
/// a file that failed), never per slot. The queue is bounded: under a flood the oldest unsent alerts give way.
/// </summary>
internal sealed class CuratorAlerts(ILogger<CuratorAlerts> log)
{
    public const int Capacity = 1000;

    private readonly Channel<CuratorAlert> queue = Channel.CreateBounded<CuratorAlert>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    internal ChannelReader<CuratorAlert> Queued => queue.Reader;

    public void Raise(CuratorAlert alert)
    {
        Log.Raised(log, alert.What, alert.ToDo);
        queue.Writer.TryWrite(alert);
    }
}
