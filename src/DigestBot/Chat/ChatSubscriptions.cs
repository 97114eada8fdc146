using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Chat;

/// <summary><c>/subscribe [tag…]</c> and <c>/unsubscribe</c>: the chat they are sent in receives posts too.</summary>
internal sealed class ChatSubscriptions(SubscriptionStore store)
{
    public static bool Handles(ChatCommand command) => command.Name is "subscribe" or "unsubscribe";

    public async Task<ChatReply> HandleAsync(ChatMessage message, ChatCommand command, CancellationToken ct)
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
