using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using DigestBot.Background;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Long polling, the default: no public URL needed. Every update of a batch is claimed and stored with its body
/// (<see cref="TelegramUpdateQueue"/>), then the offset is stored and the next batch asked for at once: polling never
/// waits for answers. A stop or a killed process before the offset is stored gets the batch again from Telegram, and
/// the updates stored already are dropped as repeats; an update stored and not answered yet is answered at the next
/// start. Nothing is lost, and an answer is given twice only when a stop interrupted it midway.
/// </summary>
/// <remarks>When the queue is full of updates it may not drop, the poller waits for room before storing, and Telegram keeps the rest.</remarks>
internal sealed class TelegramUpdatePoller(
    TelegramApiClient api,
    TelegramUpdateQueue queue,
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
                await StoreAsync(updates, stoppingToken);
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

    /// <summary>Claims and stores every update of the batch (committed together), then hands the new ones to the queue in update order.</summary>
    private async Task StoreAsync(Update[] updates, CancellationToken ct)
    {
        var stores = new List<Task<bool>>(updates.Length);
        foreach (var update in updates)
        {
            await queue.AdmitAsync(ct);
            stores.Add(queue.StoreAsync(update, JsonSerializer.Serialize(update, TelegramWebhookEndpoint.UpdateJson), ct));
        }

        // Every store ends (a failed one gives its place back); the stored ones are answered even when another failed.
        await Task.WhenAll(stores.Select(s => s.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)));
        Exception? failure = null;
        for (var i = 0; i < updates.Length; i++)
        {
            if (!stores[i].IsCompletedSuccessfully)
            {
                failure ??= stores[i].Exception?.InnerException ?? new OperationCanceledException(ct);
            }
            else if (stores[i].Result)
            {
                queue.Accept(updates[i]);
            }
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }
}
