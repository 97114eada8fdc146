using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Posts notes to a chat — the configured channel, or a chat that subscribed — exactly as <see cref="TelegramNoteRenderer"/> renders them: continuation
/// parts reply to the first, every send goes through <see cref="TelegramApiClient"/> (paced, classified). A subscribed
/// chat that refuses the bot for good ends its subscription.
/// </summary>
internal sealed class TelegramDestination(
    TelegramApiClient api,
    TelegramChannel channel,
    TelegramNoteRenderer renderer,
    ILogger<TelegramDestination> log) : IDestination
{
    public const string SubscriberKeyPrefix = "telegram:chat:";

    private string? usernameSeen;

    /// <summary>Set for a chat that subscribed: its delivery records are kept apart from the channel's.</summary>
    public string? KeyOverride { get; init; }

    /// <summary>
    /// For a subscribed chat: called when Telegram says the chat is out of reach for good (the bot was blocked, removed
    /// from the group, the chat deleted), so the chat stops being a destination instead of failing at every slot.
    /// </summary>
    public Func<CancellationToken, Task>? OnBotRemoved { get; init; }

    /// <summary>
    /// The label of the Share button the post's first message carries (<see cref="TelegramShareButton"/>); null for none.
    /// The configured channel has it: a subscriber's copy links nowhere a reader could share from.
    /// </summary>
    public string? ShareLabel { get; init; }

    /// <summary>Canonical tags a subscription asked for; empty means every note.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Key => KeyOverride ?? channel.DestinationKey;

    public bool IsSubscriber => OnBotRemoved is not null;

    /// <summary>The channel's posts go before answers in the shared pacer; a subscriber's copy after them.</summary>
    private SendPriority Priority => IsSubscriber ? SendPriority.SubscriberCopy : SendPriority.Post;

    public bool Accepts(Note note) => Tag.Allows(Tags, note);

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        var parts = Render(note);

        var ids = new List<string>(sentMessageIds);
        for (var index = ids.Count; index < parts.Count; index++)
        {
            var part = parts[index];
            var message = await SendPartAsync(part, ids, ShareKeyboard(note, index), ct);
            usernameSeen ??= message.Chat.Username;
            var id = message.Id.ToString(CultureInfo.InvariantCulture);
            ids.Add(id);
            await partSent(id, ct);
            Log.PartPosted(log, index + 1, parts.Count, channel.Text, message.Id);
        }

        return ids.Count == 0 ? null : channel.Permalink(ids[0], usernameSeen);
    }

    /// <summary>
    /// What a message of a withdrawn note says where Telegram will not delete it (older than 48 hours in a group), in the
    /// language of <c>Chat:Language</c>.
    /// </summary>
    public string WithdrawnText { get; init; } = ChatText.Get(ChatLanguage.English, ChatTextKey.WithdrawnPlaceholder);

    public int PartCount(Note note) => Render(note).Count;

    /// <summary>
    /// Edits keep each part's link preview (the first part previews the paper); a part sent later replies to the first.
    /// "message is not modified" is the edit already done. A message to delete that is gone already counts as deleted;
    /// one Telegram will not delete is, for a withdrawn note, edited to <see cref="WithdrawnText"/> instead.
    /// </summary>
    public async Task<MessageChanged> ChangeAsync(Note note, MessageEdit edit, IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        try
        {
            switch (edit.Kind)
            {
                case MessageEditKind.Edit:
                    var part = Render(note)[edit.Part];
                    await EditAsync(MessageId(edit), part.Html, Preview(part), ShareKeyboard(note, edit.Part), ct);
                    return MessageChanged.Done;
                case MessageEditKind.Send:
                    var message = await SendPartAsync(Render(note)[edit.Part] with { ReplyToPart = 0 }, messageIds, ShareKeyboard(note, edit.Part), ct);
                    return new MessageChanged(message.Id.ToString(CultureInfo.InvariantCulture), null);
                default:
                    return await DeleteAsync(edit, ct);
            }
        }
        catch (TelegramApiException ex) when (ex.Kind != PlatformErrorKind.Transient)
        {
            throw new PlatformException(ex.Kind, ex.PlatformWords, Explain(ex), ex, ex.RetryAfter);
        }
    }

    private async Task<MessageChanged> DeleteAsync(MessageEdit edit, CancellationToken ct)
    {
        try
        {
            await api.DeleteMessageAsync(channel.ChatId, MessageId(edit), Priority, ct);
            return MessageChanged.Done;
        }
        catch (TelegramApiException ex) when (ex.Kind == PlatformErrorKind.ThisMessage && ex.PlatformWords.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return new MessageChanged(null, $"it was gone already ({ex.PlatformWords})");
        }
        catch (TelegramApiException ex) when (edit.Kind == MessageEditKind.Withdraw && ex.Kind == PlatformErrorKind.ThisMessage
            && ex.PlatformWords.Contains("can't be deleted", StringComparison.OrdinalIgnoreCase))
        {
            await EditAsync(MessageId(edit), TelegramHtml.Escape(WithdrawnText), new LinkPreviewOptions { IsDisabled = true }, keyboard: null, ct);
            return new MessageChanged(null, $"Telegram would not delete it ({ex.PlatformWords}), so it was edited to say the note was withdrawn");
        }
    }

    /// <summary>The first message's Share button, kept through edits: an edit without it would take it away.</summary>
    private InlineKeyboardMarkup? ShareKeyboard(Note note, int part) =>
        part == 0 && ShareLabel is { } label ? TelegramShareButton.For(note, label) : null;

    private async Task EditAsync(int messageId, string html, LinkPreviewOptions preview, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        try
        {
            await api.EditMessageTextAsync(channel.ChatId, messageId, html, preview, keyboard, Priority, ct);
        }
        catch (TelegramApiException ex) when (ex.PlatformWords.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
        }
    }

    private IReadOnlyList<TelegramMessagePart> Render(Note note)
    {
        try
        {
            return renderer.Render(note);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new NoteNotRenderableException("Telegram", ex);
        }
    }

    private static int MessageId(MessageEdit edit) => int.Parse(edit.MessageId!, CultureInfo.InvariantCulture);

    private static LinkPreviewOptions Preview(TelegramMessagePart part) =>
        part.PreviewUrl is { } url ? new LinkPreviewOptions { Url = url } : new LinkPreviewOptions { IsDisabled = true };

    /// <summary>Whether the bot may post here now, without posting: it is a member, and in a channel an admin who may post.</summary>
    public async Task<bool?> CanPostAsync(CancellationToken ct)
    {
        var me = await api.GetMeAsync(ct);
        var member = await api.GetChatMemberAsync(channel.ChatId, me.Id, ct);
        // A bot in a channel is always an admin; in a group an ordinary member may post.
        return member switch
        {
            ChatMemberOwner or ChatMemberMember => true,
            ChatMemberAdministrator admin => admin.CanPostMessages != false,
            ChatMemberRestricted restricted => restricted.CanSendMessages,
            _ => false,
        };
    }

    private async Task<Message> SendPartAsync(TelegramMessagePart part, IReadOnlyList<string> ids, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        var reply = part.ReplyToPart is { } first && first < ids.Count
            // A curator may have deleted the first message; the rest of the note is still worth posting.
            ? new ReplyParameters { MessageId = int.Parse(ids[first], CultureInfo.InvariantCulture), AllowSendingWithoutReply = true }
            : null;
        var preview = Preview(part);
        try
        {
            return await api.SendMessageAsync(channel.ChatId, part.Html, reply, preview, keyboard, Priority, ct);
        }
        catch (TelegramApiException ex) when (ex.Kind == PlatformErrorKind.ThisDestination && ex.ErrorCode != 401 && OnBotRemoved is { } removed)
        {
            await removed(ct);
            Log.SubscriberGone(log, channel.Text, ex.PlatformWords);
            throw new SubscriptionEndedException(ex.PlatformWords, $"Telegram refused the message to {channel.Text}: {ex.PlatformWords}. The chat's subscription has ended.", ex);
        }
        catch (TelegramApiException ex) when (ex.Kind != PlatformErrorKind.Transient)
        {
            throw new PlatformException(ex.Kind, ex.PlatformWords, Explain(ex), ex, ex.RetryAfter);
        }
    }

    private string Explain(TelegramApiException ex) => ex switch
    {
        { ErrorCode: 401 } => $"Telegram refused the bot token ({ex.PlatformWords}); check Telegram:BotToken.",
        { Kind: PlatformErrorKind.ThisDestination } =>
            $"The bot cannot post to {channel.Text} ({ex.PlatformWords}); add it to the channel as an admin with \"Post messages\".",
        _ => $"Telegram refused the message to {channel.Text}: {ex.PlatformWords}",
    };
}
