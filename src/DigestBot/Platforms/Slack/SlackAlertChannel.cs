using DigestBot.Alerts;
using DigestBot.Formatting.Slack;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Alerts into <c>Slack:AlertChannel</c> when set, otherwise as a direct message (the app's Messages tab) to each of
/// <c>Slack:Admins</c>. Paced like every post.
/// </summary>
internal sealed class SlackAlertChannel(ChatApi chat, IOptions<SlackOptions> options, ILogger<SlackAlertChannel> log) : IAlertChannel
{
    public async Task SendAsync(CuratorAlert alert, CancellationToken ct)
    {
        var text = $":warning: *{SlackMrkdwn.Escape(alert.What)}*\n{SlackMrkdwn.Escape(alert.ToDo)}";
        var o = options.Value;
        IEnumerable<string> targets = o.AlertChannel is { Length: > 0 } channel ? [channel] : o.Admins;
        foreach (var target in targets)
        {
            try
            {
                await chat.PostMessageAsync(new ChatPostMessageRequest(target, text, null), SendPriority.Answer, ct);
            }
            catch (SlackApiException ex) when (ex.Kind is PlatformErrorKind.ThisDestination or PlatformErrorKind.ThisMessage)
            {
                Log.AlertNotDelivered(log, target, ex.Error);
            }
        }
    }
}
