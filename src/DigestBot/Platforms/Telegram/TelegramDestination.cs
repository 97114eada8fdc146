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
/// Posts notes to a chat — the configured channel, or a chat that subscribed — exactly as <see cref="TelegramNoteRenderer"/> renders them: continuation
/// parts reply to the first, every send is paced below Telegram's limits, and Telegram's errors are sorted into
/// wait-and-resend (429), give up (400, 403) and retry with backoff (everything else).
/// </summary>
internal sealed class TelegramDestination(
    ITelegramBotClient bot,
    TelegramChannel channel,
    SendPacer pacer,
    TelegramNoteRenderer renderer,
    ILogger<TelegramDestination> log) : IDestination
{
    public const string SubscriberKeyPrefix = "telegram:chat:";

    private string? usernameSeen;

    /// <summary>Set for a chat that subscribed: its delivery records are kept apart from the channel's.</summary>
    public string? KeyOverride { get; init; }

    /// <summary>
    /// For a subscribed chat: called when Telegram answers 403 (the bot was blocked, or removed from the group), so the
    /// chat stops being a destination instead of failing at every slot.
    /// </summary>
    public Func<CancellationToken, Task>? OnBotRemoved { get; init; }

    /// <summary>Canonical tags a subscription asked for; empty means every note.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Key => KeyOverride ?? channel.DestinationKey;

    public bool Accepts(Note note) => Tag.Allows(Tags, note);

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        var parts = renderer.Render(note);
        var ids = new List<string>(sentMessageIds);
        for (var index = ids.Count; index < parts.Count; index++)
        {
            var part = parts[index];
            var message = await SendPartAsync(part, ids, ct);
            usernameSeen ??= message.Chat.Username;
            var id = message.Id.ToString(CultureInfo.InvariantCulture);
            ids.Add(id);
            await partSent(id, ct);
            Log.PartPosted(log, index + 1, parts.Count, channel.Text, message.Id);
        }

        return ids.Count == 0 ? null : channel.Permalink(ids[0], usernameSeen);
    }

    private async Task<Message> SendPartAsync(TelegramMessagePart part, IReadOnlyList<string> ids, CancellationToken ct)
    {
        var reply = part.ReplyToPart is { } first && first < ids.Count
            // A curator may have deleted the first message; the rest of the note is still worth posting.
            ? new ReplyParameters { MessageId = int.Parse(ids[first], CultureInfo.InvariantCulture), AllowSendingWithoutReply = true }
            : null;
        var preview = part.PreviewUrl is { } url ? new LinkPreviewOptions { Url = url } : new LinkPreviewOptions { IsDisabled = true };
        using var permit = await pacer.WaitAsync(channel.ChatId.ToString(), channel.IsGroupOrChannel, ct);
        try
        {
            return await bot.SendMessage(channel.ChatId, part.Html, ParseMode.Html, reply, linkPreviewOptions: preview, cancellationToken: ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            Log.FloodLimited(log, channel.Text, wait);
            throw new RetryAfterException(wait, ex);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403 && OnBotRemoved is { } removed)
        {
            await removed(ct);
            Log.SubscriberGone(log, channel.Text, ex.Message);
            throw new DeliveryRejectedException($"Telegram refused the message to {channel.Text}: {ex.Message}. The chat's subscription has ended.", ex);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 400 or 403)
        {
            throw new DeliveryRejectedException($"Telegram refused the message to {channel.Text}: {ex.Message}", ex);
        }
    }
}
