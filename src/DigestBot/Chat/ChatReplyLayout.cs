using System.Globalization;
using DigestBot.Formatting;
using DigestBot.Publishing;

namespace DigestBot.Chat;

/// <summary>
/// Lays an answer out for the platform that asked: numbers the notes across pages, picks the post link that platform
/// shows (<see cref="PostLinkFor"/>) and writes the slot in the schedule's time zone, so renderers only add their markup.
/// </summary>
internal sealed class ChatReplyLayout(ChatCommandHandler commands)
{
    public ChatReply For(ChatPlatform platform, ChatReply reply)
    {
        var first = (reply.Page - 1) * ChatCommandHandler.PageSize;
        return reply with
        {
            Notes = [.. reply.Notes.Select((note, i) => note with
            {
                Number = first + i + 1,
                PostLink = PostLinkFor(platform, note),
                When = !note.Queued ? null : note.Slot is null ? ChatText.Get(ChatTextKey.PostingNow) : ChatText.Format(ChatTextKey.GoesOut, commands.FormatSlot(note.Slot)),
                Posted = note.Queued || note.PostedAt is not { } posted ? null : ChatText.Format(ChatTextKey.PostedAt, posted.ToString("yyyy-MM-dd HH:mm' UTC'", CultureInfo.InvariantCulture)),
            })],
        };
    }

    /// <summary>
    /// The post in the asking platform's configured channel, never a subscribed chat's copy. Destination keys are
    /// <c>telegram:@ch</c>, <c>slack:C1</c> for channels and <c>telegram:chat:…</c>, <c>slack:chat:…</c> for subscribers.
    /// </summary>
    public static string? PostLinkFor(ChatPlatform platform, NoteListing note) => platform switch
    {
        ChatPlatform.Telegram => ChannelPost(note, ChatPlatform.Telegram),
        // Slack may only answer commands while Telegram posts: then the Telegram channel post is the one to show.
        ChatPlatform.Slack => ChannelPost(note, ChatPlatform.Slack) ?? ChannelPost(note, ChatPlatform.Telegram),
        // The console shows the first post, as it always has: the curator running it knows every destination.
        _ => note.PostLink,
    };

    private static string? ChannelPost(NoteListing note, ChatPlatform platform) =>
        note.PostLinks
            .Where(kv => DestinationKey.TryParse(kv.Key, out var key) && key.IsChannelOf(platform.Name()))
            .Select(kv => kv.Value)
            .FirstOrDefault(WebLink.IsWeb);
}
