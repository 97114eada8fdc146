using System.Globalization;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using DigestBot.Publishing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// A chat that subscribed with <c>/subscribe [tag]</c>: it gets the same messages as the channel, with its own
/// delivery record. Telegram's 429s become <see cref="RetryAfterException"/>, so the publisher waits exactly as asked.
/// </summary>
internal sealed class TelegramChatDestination(long chatId, IReadOnlyList<string> tags, ITelegramBotClient bot, TelegramNoteRenderer renderer) : IDestination
{
    public const string KeyPrefix = "telegram:chat:";

    public string Key { get; } = KeyPrefix + chatId.ToString(CultureInfo.InvariantCulture);

    public long ChatId => chatId;

    public bool Accepts(Note note) => tags.Count == 0 || note.Tags.Any(t => tags.Contains(Tag.Canonical(t)));

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        var parts = renderer.Render(note);
        var ids = sentMessageIds.Select(id => int.Parse(id, CultureInfo.InvariantCulture)).ToList();
        for (var i = ids.Count; i < parts.Count; i++)
        {
            var part = parts[i];
            ReplyParameters? replyTo = part.ReplyToPart is { } first && first < ids.Count
                ? new ReplyParameters { MessageId = ids[first], AllowSendingWithoutReply = true }
                : null;
            var preview = part.PreviewUrl is null
                ? new LinkPreviewOptions { IsDisabled = true }
                : new LinkPreviewOptions { Url = part.PreviewUrl, PreferSmallMedia = true };
            Message sent;
            try
            {
                sent = await bot.SendMessage(chatId, part.Html, ParseMode.Html, replyParameters: replyTo, linkPreviewOptions: preview, cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 429 || e.Parameters?.RetryAfter is not null)
            {
                throw new RetryAfterException(TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1), e);
            }
            catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
            {
                throw new DeliveryRejectedException($"Telegram refused the message for chat {chatId}: {e.Message}", e);
            }

            ids.Add(sent.Id);
            await partSent(sent.Id.ToString(CultureInfo.InvariantCulture), ct);
        }

        return ids.Count == 0 ? null : TelegramMessageLink.For(chatId.ToString(CultureInfo.InvariantCulture), ids[0]);
    }
}
