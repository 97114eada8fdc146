using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>Rejects impossible limits for the named <see cref="PacingOptions"/> whose name is also their configuration section.</summary>
internal sealed class PacingOptionsValidator(string section) : IValidateOptions<PacingOptions>
{
    public ValidateOptionsResult Validate(string? name, PacingOptions options)
    {
        if (name != section)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (options.PerChatInterval < TimeSpan.Zero)
        {
            failures.Add($"{section}:PerChatInterval '{options.PerChatInterval}' must not be negative; Telegram's limit is 00:00:01.");
        }

        if (options.GroupWindow < TimeSpan.Zero || options.GlobalWindow < TimeSpan.Zero)
        {
            failures.Add($"{section}:GroupWindow '{options.GroupWindow}' and {section}:GlobalWindow '{options.GlobalWindow}' must not be negative; Telegram's are 00:01:00 and 00:00:01.");
        }

        if (options.GroupMessagesPerWindow < 1 || options.GlobalMessagesPerWindow < 1)
        {
            failures.Add($"{section}:GroupMessagesPerWindow '{options.GroupMessagesPerWindow}' and {section}:GlobalMessagesPerWindow '{options.GlobalMessagesPerWindow}' must be at least 1; Telegram's are 20 and 30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
