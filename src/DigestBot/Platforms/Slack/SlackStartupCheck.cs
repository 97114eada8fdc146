using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Before posting starts, <c>auth.test</c>: a wrong or revoked Slack:BotToken stops the bot at once with one sentence
/// naming the setting, instead of every post failing later. The token is never printed. Slack being unreachable
/// does not stop the bot: Telegram goes on, and Slack posts are retried until Slack answers.
/// </summary>
internal sealed class SlackStartupCheck(AuthApi auth, IOptions<SlackOptions> options, ILogger<SlackStartupCheck> log) : IStartupCheck
{
    public async Task CheckAsync(CancellationToken ct)
    {
        var o = options.Value;
        if (!o.SocketMode && string.IsNullOrWhiteSpace(o.SigningSecret))
        {
            Log.CannotReceive(log);
        }

        try
        {
            var me = await auth.TestAsync(ct);
            Log.Connected(log, me.User, me.UserId, me.Team, me.TeamId);
        }
        catch (SlackApiException ex) when (!ex.IsTransient && !ex.Error.StartsWith("http_", StringComparison.Ordinal))
        {
            throw new OptionsValidationException(
                SlackOptions.Section,
                typeof(SlackOptions),
                [$"Slack refused Slack:BotToken ({ex.Error}) when checking it with auth.test. Set Slack:BotToken to the app's Bot User OAuth Token (xoxb-…) from the Slack app's OAuth & Permissions page, or remove it to run without Slack."]);
        }
        catch (SlackApiException ex)
        {
            Log.StartupCheckUnreachable(log, ex, o.ApiBaseUrl);
        }
    }
}
