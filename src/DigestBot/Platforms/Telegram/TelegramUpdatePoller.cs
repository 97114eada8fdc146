using DigestBot.Hosting;
using System.Globalization;
using DigestBot.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Long polling, the default: no public URL needed. Each batch costs one commit: its update ids are claimed and the
/// next offset stored together, before the updates are handled. A repeated update is therefore handled once, and a
/// stop before the batch is done gives the updates not yet started back, so the next start handles them. Only a
/// killed process loses the unstarted rest of its batch (handling stays at most once).
/// </summary>
internal sealed class TelegramUpdatePoller(
    ITelegramBotClient bot,
    TelegramBatchHandler batches,
    HandledUpdateStore handled,
    DeliveryStore state,
    TimeProvider time,
    ILogger<TelegramUpdatePoller> log) : BackgroundService
{
    internal const string OffsetKey = "telegram.update_offset";
    private const int PollSeconds = 30;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.ChannelPost, UpdateType.CallbackQuery];

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
                    await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
                    webhookCleared = true;
                    Log.PollingStarted(log, offset);
                }

                var updates = await bot.GetUpdates(offset, 100, PollSeconds, AllowedUpdates, stoppingToken);
                failures = 0;
                if (updates.Length == 0)
                {
                    continue;
                }

                var next = updates[^1].Id + 1;
                var fresh = await ClaimAsync(updates, next, stoppingToken);
                offset = next;
                var unstarted = await batches.HandleAsync(fresh, stoppingToken);
                if (unstarted.Count > 0)
                {
                    // Stopping: Telegram keeps these until the next poll confirms them, so the next start gets them again.
                    var ids = unstarted.Select(Id).ToList();
                    await handled.ReleaseAsync(TelegramUpdateHandler.Platform, ids, Offset(unstarted.Min(u => u.Id)), CancellationToken.None);
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // 409: someone set a webhook since; clear it again before the next poll.
                webhookCleared &= ex is not ApiRequestException { ErrorCode: 409 };
                failures++;
                var wait = Backoff.After(failures, TimeSpan.FromSeconds(1), MaxBackoff);
                Log.PollingFailed(log, ex, failures, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    /// <summary>Claims the batch and stores the offset after it in one transaction; returns the updates seen for the first time.</summary>
    private async Task<IReadOnlyList<Update>> ClaimAsync(Update[] updates, int next, CancellationToken ct)
    {
        var claimed = await handled.ClaimBatchAsync(TelegramUpdateHandler.Platform, updates.Select(Id).ToList(), Offset(next), ct);
        var fresh = updates.Where(u => claimed.Contains(Id(u))).ToList();
        foreach (var repeat in updates.Except(fresh))
        {
            Log.UpdateRepeated(log, repeat.Id);
        }

        return fresh;
    }

    private static string Id(Update update) => update.Id.ToString(CultureInfo.InvariantCulture);

    private static (string, string) Offset(int offset) => (OffsetKey, offset.ToString(CultureInfo.InvariantCulture));
}
