using System.Globalization;
using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using DigestBot.Storage;
using Telegram.Bot;

namespace DigestBot.Platforms.Telegram;

/// <summary>One destination per Telegram chat that subscribed, read fresh at every slot.</summary>
internal sealed class TelegramSubscriptionDestinations(SubscriptionStore subscriptions, ITelegramBotClient bot) : IDestinationSource
{
    public const string Platform = "telegram";

    private readonly TelegramNoteRenderer renderer = new();

    public async Task<IReadOnlyList<IDestination>> GetAsync(CancellationToken ct)
    {
        var all = await subscriptions.AllAsync(Platform, ct);
        return all
            .Select(s => (IDestination)new TelegramChatDestination(long.Parse(s.ChatId, CultureInfo.InvariantCulture), s.Tags, bot, renderer))
            .ToList();
    }
}
