using System.Globalization;
using DigestBot.Chat;
using DigestBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Every update, from long polling or the webhook, comes here from <see cref="TelegramUpdateQueue"/> once it is stored
/// (repeats were dropped there by <c>update_id</c>).
/// A message becomes a <see cref="ChatMessage"/> for the <see cref="Conversation"/> (commands for another bot,
/// <c>/tag@OtherBot</c>, are left to it) and the answer goes back as a reply; page buttons and a curator's queue
/// buttons edit the answer in place.
/// </summary>
internal sealed class TelegramUpdateHandler(
    TelegramApiClient api,
    TelegramBotIdentity identity,
    TelegramChatSender sender,
    Conversation conversation,
    TelegramInlineQueries inline,
    TelegramQueuePresses queuePresses,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> log)
{
    public static readonly string Platform = ChatPlatform.Telegram.Name();

    /// <summary>Telegram shows at most 200 characters in a button's answer.</summary>
    private const int MaxCallbackAnswer = 200;

    /// <summary>Handles an update claimed and stored already; failures are logged, not thrown.</summary>
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        try
        {
            if (update.Message is { } message)
            {
                await HandleMessageAsync(message, isChannelPost: false, ct);
            }
            else if (update.ChannelPost is { } post)
            {
                await HandleMessageAsync(post, isChannelPost: true, ct);
            }
            else if (update.CallbackQuery is { } query)
            {
                await HandleCallbackAsync(query, ct);
            }
            else if (update.InlineQuery is { } inlineQuery)
            {
                await inline.AnswerAsync(inlineQuery, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.UpdateFailed(log, ex, update.Id);
        }
    }

    private async Task HandleMessageAsync(Message message, bool isChannelPost, CancellationToken ct)
    {
        var text = message.Text ?? message.Caption ?? "";
        var entities = message.Entities ?? message.CaptionEntities ?? [];
        var me = await identity.GetAsync(ct);
        var command = ChatCommand.Parse(text);
        if (command is not null && !command.IsFor(me.Username))
        {
            return;
        }

        // An anonymous administrator writes as the group itself (from is a stand-in bot): the sender is the chat.
        var asChat = isChannelPost || message.SenderChat?.Id == message.Chat.Id;
        var userId = asChat ? null : message.From?.Id;
        var asked = new ChatMessage(
            ChatPlatform.Telegram,
            message.Chat.Id.ToString(CultureInfo.InvariantCulture),
            (userId ?? message.SenderChat?.Id ?? message.Chat.Id).ToString(CultureInfo.InvariantCulture),
            text,
            userId is { } u && options.Value.Admins.Contains(u))
        {
            MessageId = message.Id.ToString(CultureInfo.InvariantCulture),
            Kind = isChannelPost ? ChatKind.Channel : KindOf(message.Chat.Type),
            Links = Links(text, entities),
            MentionsBot = Mentions(text, entities, me.Username),
            // Only our own messages can be confirmations.
            RepliesTo = message.ReplyToMessage is { } replied && replied.From?.Id == me.Id ? replied.Id.ToString(CultureInfo.InvariantCulture) : null,
            RepliesToBot = message.ReplyToMessage?.From?.Id == me.Id,
            LanguageCode = isChannelPost ? null : message.From?.LanguageCode,
        };

        if (await conversation.HandleAsync(asked, ct) is not { } answer)
        {
            return;
        }

        if (command is not null)
        {
            Log.CommandAnswered(log, command.Name, message.Chat.Id, message.Id);
        }

        var sent = await sender.SendAsync(message.Chat.Id, message.Id, answer.Reply, ct);
        if (answer.ConfirmsNoteId is { } noteId)
        {
            await conversation.RememberConfirmationAsync(asked, sent.Id.ToString(CultureInfo.InvariantCulture), noteId, ct);
        }
    }

    private async Task HandleCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        string? answer = null;
        try
        {
            if (TelegramQueueButton.IsQueueButton(query.Data))
            {
                answer = await queuePresses.PressAsync(query, ct);
                return;
            }

            if (TelegramEditButton.Parse(query.Data) is { } edit)
            {
                answer = await DecideEditAsync(query, edit, ct);
                return;
            }

            if (TelegramPageButton.Parse(query.Data) is not { } button)
            {
                answer = ChatText.Get(ChatLanguages.FromLanguageCode(query.From.LanguageCode), ChatTextKey.ButtonExpired);
                return;
            }

            var chat = query.Message?.Chat;
            var asked = new ChatMessage(
                ChatPlatform.Telegram,
                (chat?.Id ?? query.From.Id).ToString(CultureInfo.InvariantCulture),
                query.From.Id.ToString(CultureInfo.InvariantCulture),
                button.Command(),
                options.Value.Admins.Contains(query.From.Id))
            {
                Kind = chat is null ? ChatKind.Private : KindOf(chat.Type),
                LanguageCode = query.From.LanguageCode,
            };
            var turned = await conversation.HandleAsync(asked, ct);
            if (turned is null || turned.Limited)
            {
                // Over the limit: the page stays as it is, and only the first refusal says why.
                answer = turned?.Reply.Heading;
                return;
            }

            var reply = turned.Reply;
            answer = ChatText.Format(reply.Language, ChatTextKey.PageOf, reply.Page, reply.PageCount);
            if (query.Message is { } shown && await sender.EditAsync(shown.Chat.Id, shown.Id, reply, ct))
            {
                Log.PageShown(log, shown.Chat.Id, shown.Id, reply.Page);
            }
        }
        finally
        {
            // Always answered, or the button keeps spinning in the user's app.
            await api.AnswerCallbackQueryAsync(query.Id, answer, CancellationToken.None);
        }
    }

    /// <summary>
    /// Update or Cancel under an edit: a curator's press replaces the message with what was done (the buttons go); anyone
    /// else only hears, in the button's answer, that it is not theirs to press.
    /// </summary>
    private async Task<string> DecideEditAsync(CallbackQuery query, TelegramEditButton edit, CancellationToken ct)
    {
        var curator = options.Value.Admins.Contains(query.From.Id);
        var pressed = new ChatMessage(
            ChatPlatform.Telegram,
            (query.Message?.Chat.Id ?? query.From.Id).ToString(CultureInfo.InvariantCulture),
            query.From.Id.ToString(CultureInfo.InvariantCulture),
            "",
            curator)
        {
            LanguageCode = query.From.LanguageCode,
        };
        var reply = await conversation.DecideEditAsync(pressed, edit.PendingEditId, edit.Update, ct);
        if (curator && query.Message is { } shown)
        {
            await sender.EditAsync(shown.Chat.Id, shown.Id, reply, ct);
        }

        return Formatting.TextCut.WithEllipsis(reply.Heading, MaxCallbackAnswer);
    }

    internal static ChatKind KindOf(ChatType type) => type switch
    {
        ChatType.Private => ChatKind.Private,
        ChatType.Channel => ChatKind.Channel,
        _ => ChatKind.Group,
    };

    /// <summary>Links in the text (as Telegram marked them) and behind link text, forwarded posts included.</summary>
    internal static IReadOnlyList<string> Links(string text, IEnumerable<MessageEntity> entities)
    {
        var links = new List<string>();
        foreach (var entity in entities)
        {
            if (entity.Type == MessageEntityType.TextLink && entity.Url is { Length: > 0 } url)
            {
                links.Add(url);
            }
            else if (entity.Type == MessageEntityType.Url && entity.Offset >= 0 && entity.Offset + entity.Length <= text.Length)
            {
                links.Add(text.Substring(entity.Offset, entity.Length));
            }
        }

        return links;
    }

    private static bool Mentions(string text, IEnumerable<MessageEntity> entities, string? username) =>
        username is not null && entities.Any(e =>
            e.Type == MessageEntityType.Mention && e.Offset + e.Length <= text.Length
            && string.Equals(text.Substring(e.Offset, e.Length), "@" + username, StringComparison.OrdinalIgnoreCase));
}
