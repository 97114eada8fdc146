using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary>
/// <c>/subscribe [tag…]</c> and <c>/unsubscribe</c>: the chat they are sent in receives posts too. Where the platform
/// has rules of its own (<see cref="IChatMembership"/>: Slack's configured channel, and the bot posting only where it
/// is a member), a subscription's answer says what to do about them.
/// </summary>
internal sealed class ChatSubscriptions(SubscriptionStore store, IEnumerable<IChatMembership> memberships)
{
    public const string InviteHint = "If I am not in this channel yet, send /invite @DigestBot so I can post here.";

    public static bool Handles(ChatCommand command) => command.Name is "subscribe" or "unsubscribe";

    public async Task<ChatReply> HandleAsync(ChatMessage message, ChatCommand command, CancellationToken ct)
    {
        if (message.Platform == ChatPlatform.Console)
        {
            // /help lists /subscribe for every platform; the console is where every post appears already.
            return ChatReply.Text("The console shows every post already.", "/subscribe and /unsubscribe are for Telegram and Slack chats.");
        }

        var membership = memberships.FirstOrDefault(m => m.Platform == message.Platform);
        if (membership is not null && membership.IsPostingChannel(message.ChatId))
        {
            return ChatReply.Text(
                "This is DigestBot's channel: it receives every new post already.",
                "Send /subscribe in another channel, or in a direct message to me, to receive posts there too.");
        }

        var reply = await ChangeAsync(message, command, ct);
        return command.Name == "subscribe" && membership is not null && !await membership.CanPostAsync(message.ChatId, ct)
            ? reply with { Lines = [.. reply.Lines, InviteHint] }
            : reply;
    }

    private async Task<ChatReply> ChangeAsync(ChatMessage message, ChatCommand command, CancellationToken ct)
    {
        if (command.Name == "unsubscribe")
        {
            var removed = await store.UnsubscribeAsync(message.Platform.Name(), message.ChatId, ct);
            return removed > 0
                ? ChatReply.Text("Unsubscribed: this chat will not receive posts any more.", "Send /subscribe to start again.")
                : ChatReply.Text("This chat was not subscribed.", "Send /subscribe for every post, or /subscribe <tag> for one tag.");
        }

        var tags = command.Arguments
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Tag.Canonical)
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tags.Count == 0)
        {
            var added = await store.SubscribeAsync(message.Platform.Name(), message.ChatId, null, ct);
            return ChatReply.Text(
                added ? "Subscribed: this chat will receive every new post." : "This chat already receives every new post.",
                "Send /unsubscribe to stop.");
        }

        foreach (var tag in tags)
        {
            await store.SubscribeAsync(message.Platform.Name(), message.ChatId, tag, ct);
        }

        var now = await store.FindAsync(message.Platform.Name(), message.ChatId, ct);
        var shown = string.Join(' ', tags.Select(Tag.ForDisplay));
        return now is { Everything: true }
            ? ChatReply.Text($"This chat already receives every new post, {shown} included.", "Send /unsubscribe, then /subscribe with tags, to receive only some.")
            : ChatReply.Text(
                $"Subscribed: this chat will receive new posts tagged {string.Join(' ', now!.Tags.Select(Tag.ForDisplay))}.",
                "Send /unsubscribe to stop.");
    }
}
