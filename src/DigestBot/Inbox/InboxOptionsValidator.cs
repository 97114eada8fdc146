using System.Globalization;
using Microsoft.Extensions.Options;

namespace DigestBot.Inbox;

/// <summary>Rejects inbox settings at start with a message naming the bad key and value.</summary>
internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    /// <summary>A file is read whole into memory, and a .NET array holds at most about 2 GiB.</summary>
    public const long MostFileBytes = 1024 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"Inbox:PollInterval '{options.PollInterval}' must be a positive duration such as 00:00:02.");
        }

        if (options.MaxFileBytes is < 1 or > MostFileBytes)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Inbox:MaxFileBytes '{options.MaxFileBytes}' must be between 1 and {MostFileBytes} (1 GiB); the default is 16777216 (16 MiB)."));
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"Inbox:MaxAttempts '{options.MaxAttempts}' must be between 1 and 100: how many times importing one file may fail before it goes to failed/ (3 by default).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
