namespace DigestBot.Background;

/// <summary>
/// Background work done once per interval for as long as the bot runs. A pass that fails is logged and the
/// next one runs as usual, so one bad answer from a remote service never stops the work for good.
/// </summary>
internal abstract class PeriodicWork(TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunPassAsync(CancellationToken ct);

    protected abstract void PassFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken);
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                PassFailed(ex);
            }
        }
    }
}
