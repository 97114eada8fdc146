using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Telegram;

/// <summary>One destination per Telegram chat that subscribed, read fresh at every slot.</summary>
/// <remarks>They share the channel's client and its pacer, so subscribers and the channel together stay under Telegram's overall limit.</remarks>
internal sealed class TelegramSubscriptionDestinations(
    SubscriptionStore subscriptions,
    TelegramApiClient api,
    TelegramNoteRenderer renderer,
    IOptions<ChatOptions> chatOptions,
    ILogger<TelegramDestination> log) : IDestinationSource
{
    private readonly string withdrawnText = ChatText.Get(chatOptions.Value.ParsedLanguage, ChatTextKey.WithdrawnPlaceholder);

    public static readonly string Platform = ChatPlatform.Telegram.Name();

    public async Task<IReadOnlyList<IDestination>> GetAsync(CancellationToken ct)
    {
        var all = await subscriptions.AllAsync(Platform, ct);
        var destinations = new List<IDestination>();
        foreach (var subscription in all)
        {
            if (long.TryParse(subscription.ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var chatId))
            {
                destinations.Add(new TelegramDestination(api, TelegramChannel.ForChat(chatId), renderer, log)
                {
                    KeyOverride = TelegramDestination.SubscriberKeyPrefix + subscription.ChatId,
                    Tags = subscription.Tags,
                    OnBotRemoved = removedCt => subscriptions.UnsubscribeAsync(Platform, subscription.ChatId, removedCt),
                    WithdrawnText = withdrawnText,
                });
            }
        }

        return destinations;
    }
}
