using System.Globalization;
using DigestBot.Chat;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>Sends chat answers: rendered HTML, previews off, as a reply to the message answered when there is one.</summary>
internal sealed class TelegramChatSender(ITelegramBotClient bot, TelegramReplyRenderer renderer, TimeProvider time, ILogger<TelegramChatSender> log) : IChatNotifier
{
    private const int Attempts = 3;

    public string Platform => TelegramSubscriptionDestinations.Platform;

    public async Task<Message> SendAsync(long chatId, int? replyTo, ChatReply reply, CancellationToken ct)
    {
        var rendered = renderer.Render(reply);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var sent = await bot.SendMessage(
                    chatId,
                    rendered.Html,
                    ParseMode.Html,
                    replyParameters: replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                    replyMarkup: rendered.Keyboard,
                    linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                    cancellationToken: ct);
                Log.ReplySent(log, chatId, sent.Id);
                return sent;
            }
            catch (ApiRequestException e) when (e.Parameters?.RetryAfter is { } seconds && attempt < Attempts)
            {
                Log.ReplyRateLimited(log, chatId, seconds);
                await Task.Delay(TimeSpan.FromSeconds(seconds), time, ct);
            }
        }
    }

    public Task NotifyAsync(string chatId, string? replyToMessageId, ChatReply reply, CancellationToken ct) =>
        SendAsync(
            long.Parse(chatId, CultureInfo.InvariantCulture),
            int.TryParse(replyToMessageId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null,
            reply,
            ct);
}
