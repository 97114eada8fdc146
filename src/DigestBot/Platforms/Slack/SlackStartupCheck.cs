using DigestBot.Platforms.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Calls <c>auth.test</c> as the bot starts, so a wrong token stops it at once with a sentence saying which
/// setting to fix, instead of every post failing later. Slack being unreachable only delays that check to the first post.
/// </summary>
internal sealed class SlackStartupCheck(AuthApi auth, IOptions<SlackOptions> options, ILogger<SlackStartupCheck> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.SocketMode && string.IsNullOrWhiteSpace(o.SigningSecret))
        {
            Log.CannotReceive(log);
        }

        try
        {
            var me = await auth.TestAsync(cancellationToken);
            Log.Connected(log, me.User, me.UserId, me.Team, me.TeamId);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            throw new OptionsValidationException(
                SlackOptions.Section,
                typeof(SlackOptions),
                [$"Slack refused Slack:BotToken ({ex.Error}) when checking it with auth.test. Set Slack:BotToken to the app's Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page, or remove it to run without Slack."]);
        }
        catch (Exception ex) when (ex is HttpRequestException or Publishing.RetryAfterException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.StartupCheckUnreachable(log, ex, options.Value.ApiBaseUrl);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
