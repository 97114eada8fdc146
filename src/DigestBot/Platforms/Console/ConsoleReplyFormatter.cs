using System.Globalization;
using System.Text;
using DigestBot.Chat;

namespace DigestBot.Platforms.Console;

/// <summary>A chat answer as plain text for a terminal.</summary>
internal static class ConsoleReplyFormatter
{
    public static string Format(ChatReply reply, Func<DateTimeOffset?, string> formatSlot)
    {
        var text = new StringBuilder(reply.Heading).Append('\n');
        var number = (reply.Page - 1) * ChatCommandHandler.PageSize;
        foreach (var note in reply.Notes)
        {
            number++;
            text.Append(CultureInfo.InvariantCulture, $"{number,3}. {note.Title}");
            if (note.Date is { } date)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({date:yyyy-MM-dd})");
            }

            text.Append(CultureInfo.InvariantCulture, $" · note {note.Id}\n");
            if (note.Queued)
            {
                text.Append(note.Slot is null ? "     [queued] posting now\n" : $"     [queued] goes out {formatSlot(note.Slot)}\n");
            }
            else if (note.PostedAt is { } posted)
            {
                text.Append(CultureInfo.InvariantCulture, $"     posted {posted:yyyy-MM-dd HH:mm} UTC{(note.PostLink is null ? "" : " · " + note.PostLink)}\n");
            }

            if (note.PaperLink is not null)
            {
                text.Append("     ").Append(note.PaperLink).Append('\n');
            }
        }

        foreach (var line in reply.Lines)
        {
            text.Append(line).Append('\n');
        }

        if (reply.PageCount > 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"Page {reply.Page} of {reply.PageCount}.");
            if (reply.Page < reply.PageCount && reply.PageCommand is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" Next: {reply.PageCommand} {reply.Page + 1}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
