using System.Globalization;
using DigestBot.Publishing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.InlineQueryResults;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// The Bot API, shaped like <see cref="Slack.SlackApiClient"/>: every call DigestBot makes goes through
/// <see cref="CallAsync"/>, which turns every failure into one classified <see cref="TelegramApiException"/>; sends and
/// edits wait their turn in the shared <see cref="SendPacer"/> first, at the priority the caller gives, and a short 429 is waited out once. Logs carry
/// chat and message ids, never the token (it is part of every request URL, so the HTTP client does not log).
/// </summary>
internal sealed class TelegramApiClient(
    ITelegramBotClient bot,
    [FromKeyedServices(TelegramPostingServiceCollectionExtensions.Pacing)] SendPacer pacer,
    PublishingMetrics metrics,
    TimeProvider time,
    ILogger<TelegramApiClient> log)
{
    /// <summary>Longer waits are handed to the caller (<see cref="PlatformException.RetryAfter"/>) instead of holding a send open.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    public async Task<Message> SendMessageAsync(
        ChatId chat,
        string html,
        ReplyParameters? replyTo,
        LinkPreviewOptions preview,
        InlineKeyboardMarkup? keyboard,
        SendPriority priority,
        CancellationToken ct)
    {
        var sent = await PacedAsync(
            "sendMessage",
            chat,
            priority,
            (b, t) => b.SendMessage(chat, html, ParseMode.Html, replyTo, keyboard, preview, cancellationToken: t),
            ct);
        Log.MessageSent(log, Text(chat), sent.Id);
        return sent;
    }

    public Task<Message> EditMessageTextAsync(ChatId chat, int messageId, string html, LinkPreviewOptions preview, InlineKeyboardMarkup? keyboard, SendPriority priority, CancellationToken ct) =>
        PacedAsync(
            "editMessageText",
            chat,
            priority,
            (b, t) => b.EditMessageText(chat, messageId, html, ParseMode.Html, replyMarkup: keyboard, linkPreviewOptions: preview, cancellationToken: t),
            ct);

    public Task DeleteMessageAsync(ChatId chat, int messageId, SendPriority priority, CancellationToken ct) =>
        PacedAsync("deleteMessage", chat, priority, async (b, t) => { await b.DeleteMessage(chat, messageId, t); return true; }, ct);

    public Task AnswerCallbackQueryAsync(string queryId, string? text, CancellationToken ct) =>
        CallAsync("answerCallbackQuery", async (b, t) => { await b.AnswerCallbackQuery(queryId, text, cancellationToken: t); return true; }, ct);

    /// <param name="personal">Telegram keeps the answer for this user only, instead of for everyone typing the same words.</param>
    /// <param name="button">Shown above the results: a sentence that opens the private chat with the bot when pressed.</param>
    public Task AnswerInlineQueryAsync(
        string queryId, IReadOnlyList<InlineQueryResult> results, int cacheSeconds, string? nextOffset, bool personal, InlineQueryResultsButton? button, CancellationToken ct) =>
        CallAsync("answerInlineQuery", async (b, t) => { await b.AnswerInlineQuery(queryId, results, cacheSeconds, personal, nextOffset, button, t); return true; }, ct);

    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync("getMe", (b, t) => b.GetMe(t), ct);

    public Task<ChatMember> GetChatMemberAsync(ChatId chat, long userId, CancellationToken ct) =>
        CallAsync("getChatMember", (b, t) => b.GetChatMember(chat, userId, t), ct);

    public Task SetMyCommandsAsync(IEnumerable<BotCommand> commands, BotCommandScope? scope, string? languageCode, CancellationToken ct) =>
        CallAsync("setMyCommands", async (b, t) => { await b.SetMyCommands(commands, scope, languageCode, t); return true; }, ct);

    public Task SetWebhookAsync(string url, IEnumerable<UpdateType> allowedUpdates, string? secretToken, CancellationToken ct) =>
        CallAsync("setWebhook", async (b, t) => { await b.SetWebhook(url, allowedUpdates: allowedUpdates, secretToken: secretToken, cancellationToken: t); return true; }, ct);

    public Task DeleteWebhookAsync(CancellationToken ct) =>
        CallAsync("deleteWebhook", async (b, t) => { await b.DeleteWebhook(dropPendingUpdates: false, cancellationToken: t); return true; }, ct);

    public Task<Update[]> GetUpdatesAsync(int? offset, int limit, int timeoutSeconds, IEnumerable<UpdateType> allowedUpdates, CancellationToken ct) =>
        CallAsync("getUpdates", (b, t) => b.GetUpdates(offset, limit, timeoutSeconds, allowedUpdates, t), ct);

    /// <summary>The choke point: one call, its failures classified; a 429 short enough is waited out once and the call made again.</summary>
    public async Task<T> CallAsync<T>(string method, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(bot, ct);
            }
            catch (Exception ex) when (ex is RequestException or HttpRequestException or IOException || ex is TaskCanceledException && !ct.IsCancellationRequested)
            {
                var classified = TelegramApiException.From(method, ex);
                if (classified.RetryAfter is { } wait && attempt == 1 && wait <= MaxInlineWait)
                {
                    Log.RateLimited(log, method, wait);
                    metrics.RateLimited("telegram", wait);
                    // Measured on the clock the wait is reported against: a timer may fire a hair early by that clock.
                    await Waits.UntilAsync(time.GetUtcNow() + wait, time, ct);
                    continue;
                }

                throw classified;
            }
        }
    }

    private async Task<T> PacedAsync<T>(string method, ChatId chat, SendPriority priority, Func<ITelegramBotClient, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var permit = await pacer.WaitAsync(Text(chat), IsGroupOrChannel(chat), priority, ct);
        return await CallAsync(method, call, ct);
    }

    private static string Text(ChatId chat) => chat.Identifier?.ToString(CultureInfo.InvariantCulture) ?? chat.Username ?? "";

    /// <summary>Private chats have positive ids; groups, supergroups and channels negative ones or an @username.</summary>
    private static bool IsGroupOrChannel(ChatId chat) => chat.Identifier is null or < 0;
}
