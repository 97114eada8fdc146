using System.Threading.Channels;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Work that continues after Slack has been answered (events, slow slash commands): Slack wants an answer
/// within 3 s, and a handler that is slower than that gets the same event again.
/// </summary>
/// <remarks>
/// The queue holds at most <see cref="Capacity"/> pieces of work. When it is full, adding waits for room: the work is
/// claimed already (a repeat from Slack would be dropped), so waiting delays it where dropping would lose it, and
/// the workers free room within the Web API client's timeout even when Slack hangs.
/// </remarks>
internal sealed class SlackBackgroundWork(ILogger<SlackBackgroundWork> log) : BackgroundService
{
    public const int Capacity = 256;
    private const int Workers = 4;

    private readonly Channel<(string What, Func<CancellationToken, Task> Work)> queue =
        Channel.CreateBounded<(string, Func<CancellationToken, Task>)>(new BoundedChannelOptions(Capacity) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });

    private int unfinished;

    /// <summary>Work queued or running now: zero once everything handed over so far is done (tests wait for it).</summary>
    internal int Unfinished => Volatile.Read(ref unfinished);

    public async ValueTask EnqueueAsync(string what, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        Interlocked.Increment(ref unfinished);
        try
        {
            await queue.Writer.WriteAsync((what, work), ct);
        }
        catch
        {
            Interlocked.Decrement(ref unfinished);
            throw;
        }
    }

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
            finally
            {
                Interlocked.Decrement(ref unfinished);
            }
        }
    }
}
