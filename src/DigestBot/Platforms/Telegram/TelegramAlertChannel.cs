using DigestBot.Alerts;
using DigestBot.Formatting.Telegram;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Alerts into <c>Telegram:AlertChat</c> when set, otherwise into the private chat of every curator who has started the
/// bot (Telegram refuses the others, and they are skipped). Paced like every send.
/// </summary>
internal sealed class TelegramAlertChannel(TelegramApiClient api, IOptions<TelegramOptions> options, ILogger<TelegramAlertChannel> log) : IAlertChannel
{
    public async Task SendAsync(CuratorAlert alert, CancellationToken ct)
    {
        var html = $"⚠️ <b>{TelegramHtml.Escape(alert.What)}</b>\n{TelegramHtml.Escape(alert.ToDo)}";
        var o = options.Value;
        IEnumerable<ChatId> chats = o.AlertChat is { Length: > 0 } chat
            ? [long.TryParse(chat, out var id) ? new ChatId(id) : new ChatId(chat)]
            : o.Admins.Select(a => new ChatId(a));
        foreach (var target in chats)
        {
            try
            {
                await api.SendMessageAsync(target, html, null, new LinkPreviewOptions { IsDisabled = true }, null, SendPriority.Answer, ct);
            }
            catch (TelegramApiException ex) when (ex.Kind is PlatformErrorKind.ThisDestination or PlatformErrorKind.ThisMessage)
            {
                // A curator who never sent /start cannot be written to first; the alert is in the log for them.
                Log.AlertNotDelivered(log, target.ToString(), ex.PlatformWords);
            }
        }
    }
}
