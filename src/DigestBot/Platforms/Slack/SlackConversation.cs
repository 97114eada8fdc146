using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A mention of the app or a direct message becomes a <see cref="ChatMessage"/> for the <see cref="Conversation"/>;
/// the answer goes into the message's thread. A thread hangs off its first message, so a curator's message in the
/// thread of a queued paper is a reply to that paper's confirmation.
/// </summary>
internal sealed class SlackConversation(Conversation conversation, SlackChatSender sender, IOptions<SlackOptions> options)
{
    public async Task HandleAsync(SlackEvent e, CancellationToken ct)
    {
        var channel = e.Channel!;
        var parsed = SlackMessageText.Parse(e.Text);
        var asked = new ChatMessage(
            ChatPlatform.Slack,
            channel,
            e.User!,
            AsCommand(parsed.Text, allowPlainWord: parsed.Links.Count == 0) ?? parsed.Text,
            options.Value.IsCurator(e.User))
        {
            MessageId = e.Ts,
            Kind = e.ChannelType == "im" ? ChatKind.Private : ChatKind.Group,
            Links = parsed.Links,
            MentionsBot = e.Type == "app_mention",
            RepliesTo = e.ThreadTs,
        };
        // Slack threads hang off the first message: the curator's link, under which the confirmation went.
        var thread = e.ThreadTs ?? e.Ts!;

        if (await conversation.HandleAsync(asked, ct) is not { } answer)
        {
            return;
        }

        if (answer.ConfirmsNoteId is { } noteId)
        {
            // Keyed by the thread, which exists already: remembered before the answer, so a quick reply in the thread finds it.
            await conversation.RememberConfirmationAsync(asked, thread, noteId, ct);
        }

        await sender.SendAsync(channel, thread, answer.Reply, ct);
    }

    /// <summary>
    /// <c>/tag x</c>, or plain <c>tag x</c> since a slash typed in Slack starts a slash command instead;
    /// a plain word only without links, so commentary that starts with "search" still queues its paper.
    /// </summary>
    private static string? AsCommand(string text, bool allowPlainWord)
    {
        var trimmed = text.Trim();
        if (ChatCommand.Parse(trimmed) is not null)
        {
            return trimmed;
        }

        var first = trimmed.Split([' ', '\n', '\t'], 2)[0].ToLowerInvariant();
        return allowPlainWord && ChatCommandCatalog.Contains(first) ? "/" + trimmed : null;
    }
}
