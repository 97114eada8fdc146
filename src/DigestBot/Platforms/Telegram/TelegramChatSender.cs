using System.Globalization;
using DigestBot.Chat;
using DigestBot.Publishing;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Every chat answer leaves through here: rendered HTML, previews off, as a reply to the message answered when there
/// is one, or in place of a page shown before; paced like every send.
/// </summary>
internal sealed class TelegramChatSender(TelegramApiClient api, TelegramReplyRenderer renderer, ILogger<TelegramChatSender> log) : IChatNotifier
{
    public ChatPlatform Platform => ChatPlatform.Telegram;

    public async Task<Message> SendAsync(long chatId, int? replyTo, ChatReply reply, CancellationToken ct)
    {
        var rendered = renderer.Render(reply);
        var sent = await api.SendMessageAsync(
            chatId,
            rendered.Html,
            replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
            new LinkPreviewOptions { IsDisabled = true },
            rendered.Keyboard,
            SendPriority.Answer,
            ct);
        Log.ReplySent(log, chatId, sent.Id);
        return sent;
    }

    /// <summary>Shows another page in place of the answer; false when it was shown already (a double tap).</summary>
    public async Task<bool> EditAsync(long chatId, int messageId, ChatReply reply, CancellationToken ct)
    {
        var rendered = renderer.Render(reply);
        try
        {
            await api.EditMessageTextAsync(chatId, messageId, rendered.Html, new LinkPreviewOptions { IsDisabled = true }, rendered.Keyboard, SendPriority.Answer, ct);
            return true;
        }
        catch (TelegramApiException e) when (e.PlatformWords.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
    }

    public Task NotifyAsync(string chatId, string? replyToMessageId, ChatReply reply, CancellationToken ct) =>
        SendAsync(
            long.Parse(chatId, CultureInfo.InvariantCulture),
            int.TryParse(replyToMessageId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null,
            reply,
            ct);
}
