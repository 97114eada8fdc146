using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>Rejects impossible retry, probe and catch-up settings at start, naming the key and the value.</summary>
internal sealed class PublishingOptionsValidator : IValidateOptions<PublishingOptions>
{
    public ValidateOptionsResult Validate(string? name, PublishingOptions options)
    {
        var failures = new List<string>();
        Positive(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay, "00:00:01");
        Positive(failures, nameof(options.ProbeBaseDelay), options.ProbeBaseDelay, "00:00:30");
        NotBelow(failures, nameof(options.RetryMaxDelay), options.RetryMaxDelay, nameof(options.RetryBaseDelay), options.RetryBaseDelay);
        NotBelow(failures, nameof(options.ProbeMaxDelay), options.ProbeMaxDelay, nameof(options.ProbeBaseDelay), options.ProbeBaseDelay);
        if (options.CatchUpInterval < TimeSpan.Zero)
        {
            failures.Add($"Publishing:CatchUpInterval '{options.CatchUpInterval}' must not be negative; the default is 00:01:00 (one backlog post a minute).");
        }

        if (options.MaxAttempts is < 1 or > 1000)
        {
            failures.Add($"Publishing:MaxAttempts '{options.MaxAttempts}' must be from 1 to 1000; the default is 8.");
        }

        if (options.SubscriberLanes is < 1 or > 10_000)
        {
            failures.Add($"Publishing:SubscriberLanes '{options.SubscriberLanes}' must be from 1 to 10000; the default is 256.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, TimeSpan value, string example)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Publishing:{key} '{value}' must be a positive duration such as {example}.");
        }
    }

    private static void NotBelow(List<string> failures, string key, TimeSpan value, string floorKey, TimeSpan floor)
    {
        if (value < floor)
        {
            failures.Add($"Publishing:{key} '{value}' must not be shorter than Publishing:{floorKey} '{floor}'.");
        }
    }
}
