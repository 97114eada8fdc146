using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>Rejects Slack settings at start with a sentence naming the key; never repeats a token or secret.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"Slack:ApiBaseUrl '{options.ApiBaseUrl}' must be an absolute http(s) URL such as https://slack.com/api/.");
        }

        if (options.BotToken!.Trim().StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken holds an app-level token (xapp-…). Put that in Slack:AppToken, and the Bot User OAuth Token (xoxb-…) in Slack:BotToken.");
        }

        if (options.SocketMode && !options.AppToken!.Trim().StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken is not an app-level token (those start with xapp-). Create one under Basic Information → App-Level Tokens with the connections:write scope.");
        }

        if (options.MessageInterval < TimeSpan.Zero)
        {
            failures.Add($"Slack:MessageInterval '{options.MessageInterval}' must not be negative (Slack allows about one message a second: 00:00:01).");
        }

        if (options.CommandAnswerBudget < TimeSpan.Zero || options.CommandAnswerBudget > TimeSpan.FromMilliseconds(2500))
        {
            failures.Add($"Slack:CommandAnswerBudget '{options.CommandAnswerBudget}' must be between 0 and 00:00:02.5, since Slack gives up on an answer after 3 s.");
        }

        if (options.Channel is { Length: > 0 } channel && channel.Trim().StartsWith('#'))
        {
            failures.Add($"Slack:Channel '{channel}' is a channel name; use its id (C0123456789), shown at the bottom of the channel's details.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
