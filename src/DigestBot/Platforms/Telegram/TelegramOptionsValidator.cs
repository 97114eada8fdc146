using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Rejects Telegram chat settings at start, each with a sentence naming the key and the value (never the bot token or
/// the webhook secret, which are secrets).
/// </summary>
internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        const string section = TelegramOptions.Section;
        var failures = new List<string>();
        if (options.WebhookUrl is { } url && !url.IsAbsoluteUri)
        {
            failures.Add($"{section}:WebhookUrl '{url}' must be an absolute https URL such as https://bot.example.org/telegram/webhook.");
        }

        if (options.WebhookUrl is not null && !IsSecretToken(options.WebhookSecret))
        {
            failures.Add($"{section}:WebhookUrl needs {section}:WebhookSecret: 1–256 characters of A–Z, a–z, 0–9, _ and -, so that only Telegram can post updates.");
        }

        if (options.ConcurrentChats is < 1 or > 100)
        {
            failures.Add($"{section}:ConcurrentChats '{options.ConcurrentChats}' must be from 1 to 100 (chats of one batch answered at once; default 8).");
        }

        if (options.WebhookQueueLimit is < 1 or > 100_000)
        {
            failures.Add($"{section}:WebhookQueueLimit '{options.WebhookQueueLimit}' must be from 1 to 100000 (updates stored and not answered yet; default 1000).");
        }

        // Left empty (an empty environment variable), it means the default.
        if (!string.IsNullOrWhiteSpace(options.Readers) && !string.Equals(options.Readers.Trim(), TelegramOptions.AnyoneReads, StringComparison.OrdinalIgnoreCase) && !options.OnlyChannelMembers)
        {
            failures.Add($"{section}:Readers '{options.Readers}' must be {TelegramOptions.AnyoneReads} (the default) or {TelegramOptions.ChannelMembersRead} (only members of {section}:Channel may look things up and subscribe).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsSecretToken(string? secret) =>
        secret is { Length: > 0 and <= 256 } s && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
