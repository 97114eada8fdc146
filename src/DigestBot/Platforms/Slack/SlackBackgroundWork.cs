using System.Threading.Channels;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Work that continues after Slack has been answered (events, slow slash commands): Slack wants an answer
/// within 3 s, and a handler that is slower than that gets the same event again.
/// </summary>
internal sealed class SlackBackgroundWork(ILogger<SlackBackgroundWork> log) : BackgroundService
{
    private const int Workers = 4;

    private readonly Channel<(string What, Func<CancellationToken, Task> Work)> queue =
        Channel.CreateUnbounded<(string, Func<CancellationToken, Task>)>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(string what, Func<CancellationToken, Task> work) => queue.Writer.TryWrite((what, work));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var (what, work) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await work(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Log.BackgroundWorkFailed(log, ex, what);
            }
        }
    }
}
