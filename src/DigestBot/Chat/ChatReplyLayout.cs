using System.Globalization;

namespace DigestBot.Chat;

/// <summary>
/// Lays an answer out for the platform that asked: numbers the notes across pages, picks the post link that platform
/// shows and writes the slot in the schedule's time zone, so renderers only add their markup.
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
                PostLink = ChannelPostLink.For(platform, note),
                When = !note.Queued ? null : note.Slot is null ? "posting now" : "goes out " + commands.FormatSlot(note.Slot),
                Posted = note.Queued || note.PostedAt is not { } posted ? null : posted.ToString("'posted 'yyyy-MM-dd HH:mm' UTC'", CultureInfo.InvariantCulture),
            })],
        };
    }
}
