using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>Rejects limits that would answer nobody or never refill; each message names the key and the value.</summary>
internal sealed class ChatLimitsOptionsValidator : IValidateOptions<ChatLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatLimitsOptions options)
    {
        const string section = ChatLimitsOptions.Section;
        var failures = new List<string>();
        if (options.PerUser < 1)
        {
            failures.Add($"{section}:PerUser '{options.PerUser}' must be at least 1 (commands one person may send per window; default 20).");
        }

        if (options.PerChat < 1)
        {
            failures.Add($"{section}:PerChat '{options.PerChat}' must be at least 1 (commands one chat may send per window; default 60).");
        }

        if (options.Window <= TimeSpan.Zero || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:Window '{options.Window}' must be more than 00:00:00 and at most 1.00:00:00 (default 00:01:00).");
        }

        if (options.Tracked is < 100 or > 1_000_000)
        {
            failures.Add($"{section}:Tracked '{options.Tracked}' must be from 100 to 1000000 (senders and chats remembered at once; default 10000).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
