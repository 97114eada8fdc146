using Microsoft.Extensions.Options;

namespace DigestBot.Chat;

/// <summary>
/// One turn of the conversation, the same on every platform: a message comes in as a <see cref="ChatMessage"/>, the
/// answer goes out as a <see cref="ChatAnswer"/> laid out for the platform that asked. It routes, in this order: a
/// paste under way (the console), the console's update or cancel of an edit, a command, a reply to a confirmation, a curator's corrected note (an edit to confirm), a paper link, pasted digest text (the console)
/// and the "I answer commands" hints. Platforms only turn their wire format into the message and send the answer back.
/// </summary>
internal sealed class Conversation(
    ChatCommandHandler commands,
    ChatSubscriptions subscriptions,
    PaperLinkIntake intake,
    PastedNotes pasted,
    ChatNoteEdits edits,
    ChatReplyLayout layout,
    ChatLimits limits,
    ChatPermissions permissions,
    IOptions<ChatOptions> options)
{
    /// <summary>The answer to a slash command that took too long to compute and cannot follow later.</summary>
    public static string Slow => ChatText.Get(ChatTextKey.Slow);

    /// <summary>The answer when computing an answer failed on our side.</summary>
    public static string Failed => ChatText.Get(ChatTextKey.Failed);

    /// <returns>The answer, or null when the message is not for the bot and gets none.</returns>
    public async Task<ChatAnswer?> HandleAsync(ChatMessage message, CancellationToken ct)
    {
        // For this turn only: the change flows into what this method awaits and ends when it returns.
        ChatText.Language = LanguageOf(message);
        var answer = await RouteAsync(message, ct);
        return answer is null ? null : answer with { Reply = layout.For(message.Platform, answer.Reply) };
    }

    /// <summary>Where a confirmation of <paramref name="noteId"/> went, so that a reply to it reaches the note.</summary>
    public Task RememberConfirmationAsync(ChatMessage asked, string confirmationId, long noteId, CancellationToken ct) =>
        intake.RememberConfirmationAsync(asked.Platform, asked.ChatId, confirmationId, noteId, ct);

    /// <summary>An Update or Cancel press on an edit shown by <see cref="ChatNoteEdits"/>, answered in the presser's language.</summary>
    public async Task<ChatReply> DecideEditAsync(ChatMessage pressed, long pendingEditId, bool update, CancellationToken ct)
    {
        ChatText.Language = LanguageOf(pressed);
        return layout.For(pressed.Platform, await edits.DecideAsync(pressed, pendingEditId, update, ct));
    }

    private async Task<ChatAnswer?> RouteAsync(ChatMessage message, CancellationToken ct)
    {
        // Only the console delivers text line by line, so only there does a paste span messages: every line of it belongs to it.
        var linesPasted = message.Platform == ChatPlatform.Console;
        if (linesPasted && pasted.IsPasting(message))
        {
            return Answer(await pasted.AddLineAsync(message, ct));
        }

        // The console has no buttons: a curator types update or cancel for the edit shown last.
        if (linesPasted && await edits.TypedAsync(message, ct) is { } decided)
        {
            return Answer(decided);
        }

        if (ChatCommand.Parse(message.Text) is { } command)
        {
            // Groups hold other bots and their commands: only ours get an answer there.
            if (message.Kind != ChatKind.Private && !ChatCommandCatalog.Contains(command.Name))
            {
                return null;
            }

            switch (limits.Check(message))
            {
                case ChatLimitVerdict.SlowDown:
                    return new ChatAnswer(ChatReply.Text(LimitTexts.SlowDown(limits.Window))) { Limited = true };
                case ChatLimitVerdict.Silent:
                    return null;
            }

            if (await permissions.RefusalAsync(message, command, ct) is { } refusal)
            {
                return new ChatAnswer(refusal) { Limited = true };
            }

            var reply = ChatSubscriptions.Handles(command)
                ? await subscriptions.HandleAsync(message, command, ct)
                : await commands.HandleAsync(message, ct);
            return Answer(reply);
        }

        if (message.RepliesTo is { } repliedTo && await intake.HandleReplyAsync(message, repliedTo, ct) is { } amended)
        {
            return new ChatAnswer(amended);
        }

        // A channel's own posts are the channel's business; in groups only a message to us (a mention or a reply to
        // one of ours) is for us, so a curator's link shared with the group is not queued by accident.
        if (message.Kind == ChatKind.Channel || (message.Kind == ChatKind.Group && !message.MentionsBot && !message.RepliesToBot))
        {
            return null;
        }

        // A curator's note for a stored one (the one /edit showed, or one with its key) is an edit to confirm, never a new note.
        if (!linesPasted && await edits.ProposeAsync(message, message.Text, ct) is { } proposal)
        {
            return Answer(proposal);
        }

        if (await intake.HandleAsync(message, message.Links, ct) is { } result)
        {
            return new ChatAnswer(result.Reply, result.NoteId);
        }

        if (linesPasted)
        {
            return string.IsNullOrWhiteSpace(message.Text) ? null : Answer(await pasted.AddLineAsync(message, ct));
        }

        // A curator's group chatter without a paper is not for us; a message to us gets a hint.
        return message.Kind == ChatKind.Private || message.MentionsBot ? new ChatAnswer(NoPaper(message)) : null;
    }

    /// <summary>Telegram says each sender's language; Slack and the console answer in <c>Chat:Language</c>.</summary>
    public ChatLanguage LanguageOf(ChatMessage message) =>
        message.Platform == ChatPlatform.Telegram ? ChatLanguages.FromLanguageCode(message.LanguageCode) : options.Value.ParsedLanguage;

    private static ChatAnswer? Answer(ChatReply? reply) => reply is null ? null : new ChatAnswer(reply);

    private static ChatReply NoPaper(ChatMessage message) =>
        message.Links.Count == 0
            ? ChatReply.Text(ChatText.Get(ChatTextKey.Hello), ChatText.Get(ChatTextKey.SendHelpEverything))
            : ChatReply.Text(ChatText.Get(ChatTextKey.NoPaperInLinks), ChatText.Get(ChatTextKey.SendPaperLink));
}
