using System.Globalization;
using System.Text;
using DigestBot.Chat;

namespace DigestBot.Platforms.Console;

/// <summary>A chat answer laid out for the console (<see cref="ChatReplyLayout"/>) as plain text for a terminal.</summary>
internal static class ConsoleReplyFormatter
{
    public static string Format(ChatReply reply)
    {
        var text = new StringBuilder(reply.Heading).Append('\n');
        foreach (var note in reply.Notes)
        {
            text.Append(CultureInfo.InvariantCulture, $"{note.Number,3}. {note.Title}");
            if (note.Date is { } date)
            {
                text.Append(CultureInfo.InvariantCulture, $" ({date:yyyy-MM-dd})");
            }

            text.Append(" · ").Append(ChatText.Format(reply.Language, ChatTextKey.ConsoleNote, note.Id)).Append('\n');
            if (note.When is { } when)
            {
                text.Append("     ").Append(ChatText.Get(reply.Language, ChatTextKey.ConsoleQueued)).Append(' ').Append(when).Append('\n');
            }
            else if (note.Posted is { } posted)
            {
                text.Append("     ").Append(posted).Append(note.PostLink is null ? "" : " · " + note.PostLink).Append('\n');
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

        if (reply.Preformatted is { } copy)
        {
            text.Append('\n').Append(copy.TrimEnd('\n')).Append("\n\n");
        }

        if (reply.PendingEditId is not null)
        {
            text.Append(ChatText.Get(reply.Language, ChatTextKey.EditChooseConsole)).Append('\n');
        }

        if (reply.PageCount > 1)
        {
            text.Append(ChatText.Format(reply.Language, ChatTextKey.PageOf, reply.Page, reply.PageCount)).Append('.');
            if (reply.Page < reply.PageCount && reply.PageCommand is not null)
            {
                text.Append(' ').Append(ChatText.Format(reply.Language, ChatTextKey.NextPage, string.Create(CultureInfo.InvariantCulture, $"{reply.PageCommand} {reply.Page + 1}")));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
