using DigestBot.Alerts;

namespace DigestBot.Platforms.Console;

/// <summary>On the console, the curator is at the terminal: alerts are printed with the posts and answers.</summary>
internal sealed class ConsoleAlertChannel(ConsoleOutput output) : IAlertChannel
{
    public Task SendAsync(CuratorAlert alert, CancellationToken ct)
    {
        output.WriteBlock($"⚠ {alert.What}\n{alert.ToDo}");
        return Task.CompletedTask;
    }
}
