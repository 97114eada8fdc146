using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Handles the updates of one <c>getUpdates</c> batch: different chats at once (up to
/// <see cref="TelegramOptions.ConcurrentChats"/>), each chat's updates one after another in update order, so a chat
/// gets its answers in the order it asked. <see cref="TelegramUpdateHandler.HandleAsync"/> claims each update just
/// before handling it, so one that never started (a stop, a killed process) is handled after the restart, and a
/// repeat is dropped.
/// </summary>
internal sealed class TelegramBatchHandler(TelegramUpdateHandler handler, IOptions<TelegramOptions> options)
{
    /// <summary>Returns when every update of the batch was handled or dropped as a repeat; throws when stopped first.</summary>
    public Task HandleAsync(IReadOnlyList<Update> updates, CancellationToken ct) => HandleAsync(updates, handler.HandleAsync, ct);

    /// <summary>The same for updates claimed when they were stored (webhook mode): handled even if a restart interrupted them.</summary>
    public Task HandleClaimedAsync(IReadOnlyList<Update> updates, CancellationToken ct) => HandleAsync(updates, handler.HandleClaimedAsync, ct);

    private async Task HandleAsync(IReadOnlyList<Update> updates, Func<Update, CancellationToken, Task> handle, CancellationToken ct)
    {
        var chats = updates.GroupBy(ChatOf).Select(g => g.ToList()).ToList();
        if (chats.Count == 1)
        {
            // One chat (a quiet bot's usual batch): no hop to another thread.
            await HandleChatAsync(chats[0], handle, ct);
            return;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ConcurrentChats, CancellationToken = ct };
        await Parallel.ForEachAsync(chats, parallel, async (chat, token) => await HandleChatAsync(chat, handle, token));
    }

    private static async Task HandleChatAsync(List<Update> chat, Func<Update, CancellationToken, Task> handle, CancellationToken ct)
    {
        foreach (var update in chat)
        {
            ct.ThrowIfCancellationRequested();
            await handle(update, ct);
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
