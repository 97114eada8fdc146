namespace DigestBot.Alerts;

/// <summary>While the bot runs: sends each raised alert through every platform's <see cref="IAlertChannel"/>, in order.</summary>
internal sealed class AlertSender(CuratorAlerts alerts, IEnumerable<IAlertChannel> channels, ILogger<AlertSender> log) : BackgroundService
{
    private readonly IReadOnlyList<IAlertChannel> targets = [.. channels];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alert in alerts.Queued.ReadAllAsync(stoppingToken))
            {
                foreach (var channel in targets)
                {
                    try
                    {
                        await channel.SendAsync(alert, stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        Log.SendFailed(log, ex, channel.GetType().Name, alert.What);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
