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
    public static string InviteHint => ChatText.Get(ChatTextKey.InviteHint);

    public static bool Handles(ChatCommand command) => command.Name is "subscribe" or "unsubscribe";

    public async Task<ChatReply> HandleAsync(ChatMessage message, ChatCommand command, CancellationToken ct)
    {
        if (message.Platform == ChatPlatform.Console)
        {
            // /help lists /subscribe for every platform; the console is where every post appears already.
            return ChatReply.Text(ChatText.Get(ChatTextKey.ConsoleShowsEverything), ChatText.Get(ChatTextKey.SubscribeIsForChats));
        }

        var membership = memberships.FirstOrDefault(m => m.Platform == message.Platform);
        if (membership is not null && membership.IsPostingChannel(message.ChatId))
        {
            return ChatReply.Text(
                ChatText.Get(ChatTextKey.PostingChannel),
                ChatText.Get(ChatTextKey.SubscribeElsewhere));
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
                ? ChatReply.Text(ChatText.Get(ChatTextKey.Unsubscribed), ChatText.Get(ChatTextKey.SubscribeAgain))
                : ChatReply.Text(ChatText.Get(ChatTextKey.NotSubscribed), ChatText.Get(ChatTextKey.HowToSubscribe));
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
                added ? ChatText.Get(ChatTextKey.SubscribedEverything) : ChatText.Get(ChatTextKey.AlreadyEverything),
                ChatText.Get(ChatTextKey.UnsubscribeToStop));
        }

        foreach (var tag in tags)
        {
            await store.SubscribeAsync(message.Platform.Name(), message.ChatId, tag, ct);
        }

        var now = await store.FindAsync(message.Platform.Name(), message.ChatId, ct);
        var shown = string.Join(' ', tags.Select(Tag.ForDisplay));
        return now is { Everything: true }
            ? ChatReply.Text(ChatText.Format(ChatTextKey.AlreadyEverythingIncluding, shown), ChatText.Get(ChatTextKey.OnlySomeTags))
            : ChatReply.Text(
                ChatText.Format(ChatTextKey.SubscribedTags, string.Join(' ', now!.Tags.Select(Tag.ForDisplay))),
                ChatText.Get(ChatTextKey.UnsubscribeToStop));
    }
}
