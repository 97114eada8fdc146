using DigestBot.Background;
using System.Globalization;
using DigestBot.Storage;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Long polling, the default: no public URL needed. Each update is claimed as it is handled, and the offset is stored
/// once the whole batch is done. A stop or a killed process in the middle of a batch leaves the offset before it, so
/// the next start gets the batch again from Telegram: the updates already claimed are dropped and the ones never
/// started are handled. Nothing is lost and nothing is handled twice.
/// </summary>
internal sealed class TelegramUpdatePoller(
    TelegramApiClient api,
    TelegramBatchHandler batches,
    DeliveryStore state,
    TimeProvider time,
    ILogger<TelegramUpdatePoller> log) : BackgroundService
{
    internal const string OffsetKey = "telegram.update_offset";
    private const int PollSeconds = 30;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.ChannelPost, UpdateType.CallbackQuery, UpdateType.InlineQuery];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var offset = await state.GetStateAsync(OffsetKey, stoppingToken) is { } stored
            ? int.Parse(stored, CultureInfo.InvariantCulture)
            : (int?)null;
        var failures = 0;
        var webhookCleared = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!webhookCleared)
                {
                    // getUpdates fails while a webhook is set, e.g. left over from running in webhook mode.
                    await api.DeleteWebhookAsync(stoppingToken);
                    webhookCleared = true;
                    Log.PollingStarted(log, offset);
                }

                var updates = await api.GetUpdatesAsync(offset, 100, PollSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
                if (updates.Length == 0)
                {
                    continue;
                }

                // Telegram forgets a batch only when a later poll passes its offset; until then a restart gets it again.
                await batches.HandleAsync(updates, stoppingToken);
                offset = updates[^1].Id + 1;
                await state.SetStateAsync(OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // 409: someone set a webhook since; clear it again before the next poll.
                webhookCleared &= ex is not TelegramApiException { ErrorCode: 409 };
                failures++;
                var wait = Backoff.After(failures, TimeSpan.FromSeconds(1), MaxBackoff);
                Log.PollingFailed(log, ex, failures, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }
}
