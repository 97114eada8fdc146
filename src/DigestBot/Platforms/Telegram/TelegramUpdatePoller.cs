using System.Globalization;
using DigestBot.Storage;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Long polling, the default: no public URL needed. The offset is stored after each batch; updates already
/// handled are recognised by id, so a restart neither answers twice nor skips what was not handled.
/// </summary>
internal sealed class TelegramUpdatePoller(
    ITelegramBotClient bot,
    TelegramUpdateHandler handler,
    DeliveryStore state,
    TimeProvider time,
    ILogger<TelegramUpdatePoller> log) : BackgroundService
{
    internal const string OffsetKey = "telegram.update_offset";
    private const int PollSeconds = 30;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private const int ChatsAtOnce = 8;

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
                if (updates.Length > 0)
                {
                    await HandleBatchAsync(updates, stoppingToken);
                    offset = updates.Max(u => u.Id) + 1;
                    await state.SetStateAsync(OffsetKey, offset.Value.ToString(CultureInfo.InvariantCulture), stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // 409: someone set a webhook since; clear it again before the next poll.
                webhookCleared &= ex is not ApiRequestException { ErrorCode: 409 };
                failures++;
                var wait = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 5))));
                Log.PollingFailed(log, ex, failures, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Different chats are answered at the same time; one chat's updates stay in the order they were sent.
    /// The handler records each update as handled, so a batch cut short by a crash is not handled twice.
    /// </summary>
    private async Task HandleBatchAsync(Update[] updates, CancellationToken ct)
    {
        var byChat = updates.GroupBy(ChatOf).ToList();
        await Parallel.ForEachAsync(
            byChat,
            new ParallelOptions { MaxDegreeOfParallelism = ChatsAtOnce, CancellationToken = ct },
            async (chat, token) =>
            {
                foreach (var update in chat)
                {
                    await handler.HandleAsync(update, token);
                }
            });
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? 0;
}
