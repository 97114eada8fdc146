using DigestBot.Chat;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using DigestBot.Storage;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Posts a note into a channel — <see cref="SlackOptions.Channel"/>, or one that subscribed — as Block Kit,
/// continuations in the first message's thread, and returns the first message's permalink so lookups can link to it.
/// </summary>
internal sealed class SlackDestination(string channel, ChatApi chat, ConversationsApi conversations, SlackNoteRenderer renderer, ILogger<SlackDestination> log)
    : IDestination
{
    public const string KeyPrefix = "slack:";

    /// <summary>Keeps a subscribed channel's delivery records apart from the configured channel's.</summary>
    public const string SubscriberKeyPrefix = "slack:chat:";

    public string Key { get; init; } = KeyPrefix + channel;

    /// <summary>Canonical tags a subscription asked for; empty means every note.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>
    /// For a subscribed channel: called when Slack says the bot cannot post there (removed, archived, deleted), so the
    /// channel stops being a destination instead of failing at every slot.
    /// </summary>
    public Func<CancellationToken, Task>? OnChannelClosed { get; init; }

    public bool IsSubscriber => OnChannelClosed is not null;

    /// <summary>The channel's posts go before answers in the shared pacer; a subscribed channel's copy after them.</summary>
    private SendPriority Priority => IsSubscriber ? SendPriority.SubscriberCopy : SendPriority.Post;

    public bool Accepts(Note note) => Tag.Allows(Tags, note);

    /// <summary>The bot is in the channel and the channel is open; null when Slack will not say (no <c>channels:read</c>).</summary>
    public async Task<bool?> CanPostAsync(CancellationToken ct)
    {
        try
        {
            var info = (await conversations.InfoAsync(channel, ct)).Channel;
            return info.IsMember && !info.IsArchived;
        }
        catch (SlackApiException ex) when (ex.Error == "missing_scope")
        {
            return null;
        }
        catch (SlackApiException ex) when (ex.Kind == PlatformErrorKind.ThisDestination)
        {
            return false;
        }
    }

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        var messages = Render(note);

        var sent = new List<string>(sentMessageIds);
        try
        {
            for (var part = sent.Count; part < messages.Count; part++)
            {
                var message = messages[part];
                var threadTs = message.ReplyToPart is { } replyTo && replyTo < sent.Count ? sent[replyTo] : null;
                var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(message, channel, threadTs), Priority, ct);
                await partSent(posted.Ts, ct);
                sent.Add(posted.Ts);
            }

            return sent.Count == 0 ? null : await PermalinkAsync(sent[0], ct);
        }
        catch (SlackApiException ex) when (ex.IsChannelClosed && OnChannelClosed is { } closed)
        {
            await closed(ct);
            Log.SubscriberGone(log, channel, ex.Error);
            throw new SubscriptionEndedException(ex.Error, $"{Explain(ex)} The channel's subscription has ended.", ex);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // Said in words a curator can act on; the client's classification stands.
            throw new PlatformException(ex.Kind, ex.Error, Explain(ex), ex, ex.RetryAfter);
        }
    }

    /// <summary>What a message of a withdrawn note says where Slack will not delete it, in the language of <c>Chat:Language</c>.</summary>
    public string WithdrawnText { get; init; } = ChatText.Get(ChatLanguage.English, ChatTextKey.WithdrawnPlaceholder);

    public int PartCount(Note note) => Render(note).Count;

    /// <summary>
    /// <c>chat.update</c> for an edit, a thread reply under the first message for a part sent later, <c>chat.delete</c>
    /// for a surplus part or a withdrawn note. A message gone already counts as deleted; one Slack will not delete
    /// (<c>cant_delete_message</c>) is, for a withdrawn note, updated to <see cref="WithdrawnText"/> instead.
    /// </summary>
    public async Task<MessageChanged> ChangeAsync(Note note, MessageEdit edit, IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        try
        {
            switch (edit.Kind)
            {
                case MessageEditKind.Edit:
                    var message = Render(note)[edit.Part];
                    await chat.UpdateAsync(new ChatUpdateRequest(channel, edit.MessageId!, message.Text, message.Blocks), Priority, ct);
                    return MessageChanged.Done;
                case MessageEditKind.Send:
                    var part = Render(note)[edit.Part];
                    var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(part, channel, messageIds.Count > 0 ? messageIds[0] : null), Priority, ct);
                    return new MessageChanged(posted.Ts, null);
                default:
                    return await DeleteAsync(edit, ct);
            }
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            throw new PlatformException(ex.Kind, ex.Error, Explain(ex), ex, ex.RetryAfter);
        }
    }

    private async Task<MessageChanged> DeleteAsync(MessageEdit edit, CancellationToken ct)
    {
        try
        {
            await chat.DeleteAsync(new ChatDeleteRequest(channel, edit.MessageId!), Priority, ct);
            return MessageChanged.Done;
        }
        catch (SlackApiException ex) when (ex.Error == "message_not_found")
        {
            return new MessageChanged(null, $"it was gone already ({ex.Error})");
        }
        catch (SlackApiException ex) when (ex.Error == "cant_delete_message" && edit.Kind == MessageEditKind.Withdraw)
        {
            // One block replaces the post's blocks: an update without blocks would keep them.
            await chat.UpdateAsync(new ChatUpdateRequest(channel, edit.MessageId!, WithdrawnText, [new SectionBlock(new PlainText(WithdrawnText))]), Priority, ct);
            return new MessageChanged(null, $"Slack would not delete it ({ex.Error}), so it was updated to say the note was withdrawn");
        }
    }

    private IReadOnlyList<SlackMessage> Render(Note note)
    {
        try
        {
            return renderer.RenderThread(note);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new NoteNotRenderableException("Slack", ex);
        }
    }

    private async Task<string?> PermalinkAsync(string ts, CancellationToken ct)
    {
        try
        {
            return (await chat.GetPermalinkAsync(channel, ts, ct)).Permalink;
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // The post is there; a missing link only makes lookups link to the paper alone.
            Log.PermalinkUnavailable(log, channel, ts, ex.Error);
            return null;
        }
    }

    private string Explain(SlackApiException ex) => ex.Error switch
    {
        "channel_not_found" when OnChannelClosed is not null => $"Slack has no channel {channel} the bot can see ({ex.Error}).",
        "channel_not_found" => $"Slack has no channel {channel} the bot can see ({ex.Error}); check Slack:Channel is a channel id such as C0123456789.",
        "not_in_channel" => $"The bot is not a member of {channel} ({ex.Error}); invite it with /invite @DigestBot.",
        "is_archived" => $"The channel {channel} is archived ({ex.Error}).",
        _ when ex.IsTokenError => $"Slack refused the bot token ({ex.Error}); check Slack:BotToken.",
        "message_not_found" or "cant_update_message" or "edit_window_closed" or "cant_delete_message" => $"Slack refused to change the message ({ex.Error}).",
        _ => $"Slack refused the message ({ex.Error}).",
    };
}
