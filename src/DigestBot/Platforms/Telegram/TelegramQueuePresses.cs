using System.Globalization;
using DigestBot.Chat;
using DigestBot.Formatting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// A press of a <c>/queue</c> button (<see cref="TelegramQueueButton"/>): the presser, as Telegram names them, goes to
/// <see cref="QueueControls"/>; a listing the press changed, or found out of date, is edited in place to show the queue as
/// it is now (sent anew where Telegram will not edit it); and the sentence about the press is what the callback query is
/// answered with, whatever became of the listing.
/// </summary>
internal sealed class TelegramQueuePresses(QueueControls controls, TelegramChatSender sender, IOptions<TelegramOptions> options, ILogger<TelegramQueuePresses> log)
{
    /// <summary>What <c>answerCallbackQuery</c> may show.</summary>
    public const int MaxAnswerLength = 200;

    /// <returns>The sentence to answer the callback query with.</returns>
    public async Task<string> PressAsync(CallbackQuery query, CancellationToken ct)
    {
        if (TelegramQueueButton.Parse(query.Data) is not { } press)
        {
            return ChatText.Get(ChatLanguages.FromLanguageCode(query.From.LanguageCode), ChatTextKey.ButtonExpired);
        }

        var chat = query.Message?.Chat;
        var asker = new ChatMessage(
            ChatPlatform.Telegram,
            (chat?.Id ?? query.From.Id).ToString(CultureInfo.InvariantCulture),
            query.From.Id.ToString(CultureInfo.InvariantCulture),
            "",
            options.Value.Admins.Contains(query.From.Id))
        {
            // A message sent in inline mode has no chat here: it may be anywhere, so it counts as a group.
            Kind = chat is null ? ChatKind.Group : TelegramUpdateHandler.KindOf(chat.Type),
            LanguageCode = query.From.LanguageCode,
        };
        Log.QueueButtonPressed(log, press.Move, press.NoteId, query.From.Id, chat?.Id);
        var answer = await controls.PressAsync(asker, press, ct);
        if (answer is { Outdated: true, Listing: { } listing } && query.Message is { } shown)
        {
            await ShowAsync(shown, listing, ct);
        }

        return TextCut.WithEllipsis(answer.Sentence, MaxAnswerLength);
    }

    /// <summary>
    /// The queue as it is now in place of the listing pressed; where Telegram will not edit that message any more (400:
    /// too old, deleted), as a new message. Whatever Telegram says, the press has happened and is answered.
    /// </summary>
    private async Task ShowAsync(Message shown, ChatReply listing, CancellationToken ct)
    {
        try
        {
            await EditOrSendAsync(shown, listing, ct);
        }
        catch (TelegramApiException e)
        {
            Log.QueueListingNotShown(log, shown.Chat.Id, shown.Id, e);
        }
    }

    private async Task EditOrSendAsync(Message shown, ChatReply listing, CancellationToken ct)
    {
        try
        {
            await sender.EditAsync(shown.Chat.Id, shown.Id, listing, ct);
        }
        catch (TelegramApiException e) when (e.ErrorCode == 400)
        {
            Log.QueueListingResent(log, shown.Chat.Id, shown.Id, e.PlatformWords);
            await sender.SendAsync(shown.Chat.Id, null, listing, ct);
        }
    }
}
