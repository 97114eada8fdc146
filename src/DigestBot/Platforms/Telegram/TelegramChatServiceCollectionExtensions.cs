using DigestBot.Alerts;
using DigestBot.Chat;
using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace DigestBot.Platforms.Telegram;

internal static class TelegramChatServiceCollectionExtensions
{
    /// <summary>Talking to the bot on Telegram: updates by long polling or webhook, answers, and subscribed chats as destinations.</summary>
    public static IServiceCollection AddTelegramChat(this IServiceCollection services, IConfiguration configuration, bool forCommand)
    {
        services.AddOptions<TelegramOptions>()
            .Validate(
                o => o.WebhookUrl is null || (o.WebhookUrl.IsAbsoluteUri && o.WebhookSecret is { Length: > 0 and <= 256 } s && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')),
                "Telegram:WebhookUrl needs Telegram:WebhookSecret: 1–256 characters of A–Z, a–z, 0–9, _ and -, so that only Telegram can post updates.")
            .Validate(o => o.ConcurrentChats is >= 1 and <= 100, "Telegram:ConcurrentChats must be from 1 to 100 (chats of one batch answered at once).")
            .Validate(o => o.WebhookQueueLimit is >= 1 and <= 100_000, "Telegram:WebhookQueueLimit must be from 1 to 100000 (webhook updates stored and not handled yet).")
            .ValidateOnStart();

        services.AddTelegramClient();
        services.TryAddSingleton<TelegramNoteRenderer>();
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramReplyRenderer>();
        services.AddSingleton<TelegramChatSender>();
        services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<TelegramChatSender>());
        services.AddSingleton<TelegramInlineQueries>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramBatchHandler>();
        services.AddSingleton<IDestinationSource, TelegramSubscriptionDestinations>();
        services.AddSingleton<IAlertChannel, TelegramAlertChannel>();

        if (!forCommand)
        {
            services.AddHostedService<TelegramChatSetup>();
            if (string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.WebhookUrl)}"]))
            {
                services.AddHostedService<TelegramUpdatePoller>();
            }
            else
            {
                services.AddSingleton<PendingUpdateStore>();
                services.AddSingleton<TelegramWebhookUpdates>();
                services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhookUpdates>());
            }
        }

        return services;
    }
}
