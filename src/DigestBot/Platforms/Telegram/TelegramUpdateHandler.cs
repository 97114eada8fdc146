using System.Globalization;
using DigestBot.Chat;
using DigestBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Every update, from long polling or the webhook, comes here once: repeats are dropped by <c>update_id</c>.
/// Commands work in private chats, in groups (also as <c>/tag@OurBot</c>) and as channel posts; a paper link
/// from a curator queues the paper; page buttons edit the answer in place.
/// </summary>
internal sealed class TelegramUpdateHandler(
    TelegramApiClient api,
    TelegramBotIdentity identity,
    TelegramChatSender sender,
    TelegramReplyRenderer renderer,
    ChatCommandHandler commands,
    ChatSubscriptions subscriptions,
    PaperLinkIntake intake,
    TelegramInlineQueries inline,
    HandledUpdateStore handled,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> log)
{
    public const string Platform = TelegramSubscriptionDestinations.Platform;

    /// <summary>Claims the update, then handles it unless it was a repeat; failures are logged, not thrown.</summary>
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        if (!await handled.TryClaimAsync(Platform, update.Id.ToString(CultureInfo.InvariantCulture), ct))
        {
            Log.UpdateRepeated(log, update.Id);
            return;
        }

        await HandleClaimedAsync(update, ct);
    }

    /// <summary>Handles an update claimed already (the webhook claims and stores it before answering); failures are logged, not thrown.</summary>
    public async Task HandleClaimedAsync(Update update, CancellationToken ct)
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
        var userId = isChannelPost ? null : message.From?.Id;
        var curator = userId is { } u && options.Value.Admins.Contains(u);
        var chatMessage = new ChatMessage(
            Platform,
            message.Chat.Id.ToString(CultureInfo.InvariantCulture),
            (userId ?? message.SenderChat?.Id ?? message.Chat.Id).ToString(CultureInfo.InvariantCulture),
            text,
            curator)
        {
            MessageId = message.Id.ToString(CultureInfo.InvariantCulture),
        };

        var me = await identity.GetAsync(ct);
        if (ChatCommand.Parse(text) is { } command)
        {
            if (!command.IsFor(me.Username))
            {
                return;
            }

            var reply = ChatSubscriptions.Handles(command)
                ? await subscriptions.HandleAsync(chatMessage, command, ct)
                : await commands.HandleAsync(chatMessage, ct);
            if (reply is not null)
            {
                Log.CommandAnswered(log, command.Name, message.Chat.Id, message.Id);
                await sender.SendAsync(message.Chat.Id, message.Id, reply, ct);
            }

            return;
        }

        if (message.ReplyToMessage is { } replied && replied.From?.Id == me.Id)
        {
            var amended = await intake.HandleReplyAsync(chatMessage, replied.Id.ToString(CultureInfo.InvariantCulture), ct);
            if (amended is not null)
            {
                await sender.SendAsync(message.Chat.Id, message.Id, amended, ct);
                return;
            }
        }

        // A channel's own posts are the channel's business; in groups only curators, or someone talking to us, get answers.
        var isPrivate = message.Chat.Type == ChatType.Private;
        if (isChannelPost || (!isPrivate && !curator && !Mentions(text, entities, me.Username)))
        {
            return;
        }

        var links = Links(text, entities);
        var result = await intake.HandleAsync(chatMessage, links, ct);
        if (result is null)
        {
            if (isPrivate)
            {
                await sender.SendAsync(message.Chat.Id, message.Id, ChatReply.Text("I answer commands: send /help to see them."), ct);
            }

            return;
        }

        var sent = await sender.SendAsync(message.Chat.Id, message.Id, result.Reply, ct);
        if (result.NoteId is { } noteId)
        {
            await intake.RememberConfirmationAsync(Platform, chatMessage.ChatId, sent.Id.ToString(CultureInfo.InvariantCulture), noteId, ct);
        }
    }

    private async Task HandleCallbackAsync(CallbackQuery query, CancellationToken ct)
    {
        string? answer = null;
        try
        {
            if (TelegramPageButton.Parse(query.Data) is not { } button)
            {
                answer = "This button no longer works; send the command again.";
                return;
            }

            var curator = options.Value.Admins.Contains(query.From.Id);
            var arguments = button.Argument + " " + button.Page.ToString(CultureInfo.InvariantCulture);
            var reply = button.Kind == "t"
                ? await commands.TagAsync(arguments, curator, ChatCommandHandler.PageSize, ct)
                : await commands.SearchAsync(arguments, curator, ChatCommandHandler.PageSize, ct);
            answer = string.Create(CultureInfo.InvariantCulture, $"Page {reply.Page} of {reply.PageCount}");
            if (query.Message is { } shown)
            {
                var rendered = renderer.Render(reply);
                try
                {
                    await api.EditMessageTextAsync(shown.Chat.Id, shown.Id, rendered.Html, new LinkPreviewOptions { IsDisabled = true }, rendered.Keyboard, ct);
                    Log.PageShown(log, shown.Chat.Id, shown.Id, reply.Page);
                }
                catch (TelegramApiException e) when (e.PlatformWords.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
                {
                    // A double tap: the page is already shown.
                }
            }
        }
        finally
        {
            // Always answered, or the button keeps spinning in the user's app.
            await api.AnswerCallbackQueryAsync(query.Id, answer, CancellationToken.None);
        }
    }

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
