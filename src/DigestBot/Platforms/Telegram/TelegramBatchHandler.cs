using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Handles the claimed updates of one <c>getUpdates</c> batch: different chats at once (up to
/// <see cref="TelegramOptions.ConcurrentChats"/>), each chat's updates one after another in update order, so a chat
/// gets its answers in the order it asked. Lookups read through separate pooled connections, and replies overlap.
/// </summary>
internal sealed class TelegramBatchHandler(TelegramUpdateHandler handler, IOptions<TelegramOptions> options)
{
    /// <summary>Returns the updates not started because <paramref name="ct"/> was cancelled; empty when every update ran.</summary>
    public async Task<IReadOnlyList<Update>> HandleAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        var started = new HashSet<int>();
        var chats = updates.GroupBy(ChatOf).Select(g => g.ToList()).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentChats, CancellationToken = ct };
        try
        {
            if (chats.Count == 1)
            {
                // One chat (a quiet bot's usual batch): no hop to another thread.
                await HandleChatAsync(chats[0], ct);
            }
            else
            {
                await Parallel.ForEachAsync(chats, parallel, async (chat, token) => await HandleChatAsync(chat, token));
            }

            return [];
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            lock (started)
            {
                return updates.Where(u => !started.Contains(u.Id)).ToList();
            }
        }

        async Task HandleChatAsync(List<Update> chat, CancellationToken token)
        {
            foreach (var update in chat)
            {
                token.ThrowIfCancellationRequested();
                lock (started)
                {
                    started.Add(update.Id);
                }

                await handler.HandleClaimedAsync(update, token);
            }
        }
    }

    /// <summary>The chat an update belongs to; answers within one chat keep their order.</summary>
    internal static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? 0;
}
