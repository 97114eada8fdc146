using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A mention of the app or a direct message, answered in the message's thread: a command is answered; a paper
/// link goes to the shared <see cref="PaperLinkIntake"/>, which queues a curator's and politely refuses anyone
/// else's without storing anything; a curator's message in the thread of a queued paper adds commentary and tags.
/// </summary>
internal sealed class SlackConversation(
    ChatCommandHandler commands,
    SlackSubscriptions subscriptions,
    PaperLinkIntake intake,
    SlackChatSender sender,
    IOptions<SlackOptions> options,
    ILogger<SlackConversation> log)
{
    public async Task HandleAsync(SlackEvent e, CancellationToken ct)
    {
        var channel = e.Channel!;
        var parsed = SlackMessageText.Parse(e.Text);
        var message = new ChatMessage(ChatPlatform.Slack, channel, e.User!, parsed.Text, options.Value.IsCurator(e.User))
        {
            MessageId = e.Ts,
        };
        // Slack threads hang off the first message: the curator's link, under which the confirmation went.
        var thread = e.ThreadTs ?? e.Ts!;

        if (AsCommand(parsed.Text, allowPlainWord: parsed.Links.Count == 0) is { } command)
        {
            var asked = message with { Text = command };
            var answer = await subscriptions.HandleAsync(asked, ct) ?? await commands.HandleAsync(asked, ct);
            await sender.SendAsync(channel, thread, answer ?? ChatReply.Text("Send /help to see what I can do."), ct);
            return;
        }

        if (e.ThreadTs is { } root && await intake.HandleReplyAsync(message, root, ct) is { } amended)
        {
            await sender.SendAsync(channel, thread, amended, ct);
            return;
        }

        var result = await intake.HandleAsync(message, parsed.Links, ct);
        if (result is null)
        {
            await sender.SendAsync(channel, thread, NoPaper(parsed), ct);
            return;
        }

        if (!message.FromCurator)
        {
            Log.LinkRefused(log, message.UserId);
        }

        if (result.NoteId is { } noteId)
        {
            // Keyed by the thread, which exists already: remembered before the answer, so a quick reply in the thread finds it.
            await intake.RememberConfirmationAsync(ChatPlatform.Slack, channel, thread, noteId, ct);
        }

        await sender.SendAsync(channel, thread, result.Reply, ct);
    }

    private static ChatReply NoPaper(SlackMessageText parsed) =>
        parsed.Links.Count == 0
            ? ChatReply.Text("Hi! Curators can send me an arXiv, Hugging Face or alphaXiv paper link to queue it; anyone can ask with /tag, /tags and /search.", "Send /help to see everything I can do.")
            : ChatReply.Text("I found no arXiv paper in those links, so nothing was queued.", "Send an arXiv, Hugging Face or alphaXiv paper link.");

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
