using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>Rejects a <c>Subscriptions:Max</c> that would take no chat or no bound at start, naming the value.</summary>
internal sealed class SubscriptionsOptionsValidator : IValidateOptions<SubscriptionsOptions>
{
    public ValidateOptionsResult Validate(string? name, SubscriptionsOptions options) =>
        options.Max is >= 0 and <= 1_000_000
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{SubscriptionsOptions.Section}:Max '{options.Max}' must be from 0 (no subscriptions) to 1000000 (chats subscribed at once on every platform; default 10000).");
}
