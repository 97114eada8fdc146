using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>Rejects Socket Mode settings at start with a sentence naming the key and the value.</summary>
internal sealed class SlackSocketModeOptionsValidator : IValidateOptions<SlackSocketModeOptions>
{
    public const int LeastMessageBytes = 16 * 1024;
    public const int MostMessageBytes = 64 * 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, SlackSocketModeOptions options)
    {
        var failures = new List<string>();
        Positive(failures, "ConnectTimeout", options.ConnectTimeout, "00:00:10");
        Positive(failures, "KeepAliveInterval", options.KeepAliveInterval, "00:00:30");
        Positive(failures, "KeepAliveTimeout", options.KeepAliveTimeout, "00:00:15");
        if (options.MaxMessageBytes is < LeastMessageBytes or > MostMessageBytes)
        {
            failures.Add($"{SlackSocketModeOptions.Section}:MaxMessageBytes '{options.MaxMessageBytes}' must be between {LeastMessageBytes} and {MostMessageBytes} bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{SlackSocketModeOptions.Section}:{key} '{value}' must be a positive duration such as {example}.");
        }
    }
}
