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
        services.AddOptions<TelegramOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();

        services.AddTelegramClient();
        services.TryAddSingleton<TelegramNoteRenderer>();
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramReplyRenderer>();
        services.AddSingleton<TelegramChatSender>();
        services.AddSingleton<IChatNotifier>(sp => sp.GetRequiredService<TelegramChatSender>());
        services.AddSingleton<TelegramInlineQueries>();
        services.AddSingleton<TelegramChatMembers>();
        services.AddSingleton<TelegramRoles>();
        services.AddSingleton<IChatRoles>(sp => sp.GetRequiredService<TelegramRoles>());
        services.AddSingleton<TelegramQueuePresses>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<IDestinationSource, TelegramSubscriptionDestinations>();
        services.AddSingleton<IAlertChannel, TelegramAlertChannel>();

        if (!forCommand)
        {
            services.AddHostedService<TelegramChatSetup>();
            // The queue first: it reads what a previous run left before the poller or the webhook adds to it.
            services.AddSingleton<PendingUpdateStore>();
            services.AddSingleton<TelegramUpdateQueue>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramUpdateQueue>());
            if (string.IsNullOrWhiteSpace(configuration[$"{TelegramOptions.Section}:{nameof(TelegramOptions.WebhookUrl)}"]))
            {
                services.AddHostedService<TelegramUpdatePoller>();
            }
        }

        return services;
    }
}
