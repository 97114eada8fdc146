using DigestBot.Formatting;

namespace DigestBot.Chat;

/// <summary>
/// Which of a note's post links an answer on a platform shows: the post in that platform's configured channel, never a
/// subscribed chat's copy. Destination keys are <c>telegram:@ch</c>, <c>slack:C1</c> for channels and
/// <c>telegram:chat:…</c>, <c>slack:chat:…</c> for subscribers.
/// </summary>
internal static class ChannelPostLink
{
    public static string? For(ChatPlatform platform, NoteListing note) => platform switch
    {
        ChatPlatform.Telegram => Channel(note, ChatPlatform.Telegram),
        // Slack may only answer commands while Telegram posts: then the Telegram channel post is the one to show.
        ChatPlatform.Slack => Channel(note, ChatPlatform.Slack) ?? Channel(note, ChatPlatform.Telegram),
        // The console shows the first post, as it always has: the curator running it knows every destination.
        _ => note.PostLink,
    };

    private static string? Channel(NoteListing note, ChatPlatform platform)
    {
        var prefix = platform.Name() + ":";
        var subscriber = prefix + "chat:";
        return note.PostLinks
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal) && !kv.Key.StartsWith(subscriber, StringComparison.Ordinal))
            .Select(kv => kv.Value)
            .FirstOrDefault(WebLink.IsWeb);
    }
}
