using DigestBot.Chat;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// A mention of the app or a direct message: a command is answered; a paper link from a curator is queued;
/// a link from anyone else is politely refused and nothing is stored. Every answer goes in the message's thread.
/// </summary>
internal sealed class SlackConversation(
    ChatCommandHandler commands,
    ISlackLinkIntake intake,
    SlackReplies replies,
    ChatApi chat,
    IOptions<SlackOptions> options,
    ILogger<SlackConversation> log)
{
    private static readonly HashSet<string> CommandWords = ["tag", "tags", "search", "queue", "help", "start"];

    public async Task HandleAsync(SlackEvent e, CancellationToken ct)
    {
        var parsed = SlackMessageText.Parse(e.Text);
        var curator = options.Value.IsCurator(e.User);
        var message = new ChatMessage("slack", e.Channel!, e.User!, parsed.Text, curator);
        var reply = await ReplyAsync(message, parsed, ct);
        if (reply is null)
        {
            return;
        }

        var rendered = await replies.RenderAsync(reply, ct);
        var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(rendered, e.Channel!, e.ThreadTs ?? e.Ts), ct);
        Log.Answered(log, e.Channel!, posted.Ts);
    }

    private async Task<ChatReply?> ReplyAsync(ChatMessage message, SlackMessageText parsed, CancellationToken ct)
    {
        if (AsCommand(parsed.Text, allowPlainWord: parsed.Links.Count == 0) is { } command)
        {
            return await commands.HandleAsync(message with { Text = command }, ct);
        }

        if (parsed.Links.Count == 0)
        {
            return ChatReply.Text(
                "Hi! Send me a paper link to queue it (curators), or ask with /tag, /tags, /search.",
                "Send /help to see everything I can do.");
        }

        if (!message.FromCurator)
        {
            Log.LinkRefused(log, message.UserId);
            return ChatReply.Text(
                "Sorry, only the channel's curators can queue papers, so I have not saved this link.",
                "You can look up what has been posted with /tag, /tags and /search.");
        }

        return await intake.QueueAsync(message, parsed.Links, ct)
            ?? ChatReply.Text("I found no paper in those links.", "Send an arXiv, Hugging Face or alphaXiv paper link.");
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
        return allowPlainWord && CommandWords.Contains(first) ? "/" + trimmed : null;
    }
}
