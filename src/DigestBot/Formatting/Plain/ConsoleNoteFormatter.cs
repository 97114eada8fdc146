using System.Text;
using DigestBot.Notes;

namespace DigestBot.Formatting.Plain;

/// <summary>A note as plain text for a terminal: the message as it would read, link addresses visible.</summary>
internal static class ConsoleNoteFormatter
{
    public static string Format(Note note)
    {
        var text = new StringBuilder();
        text.AppendLine(note.Title);
        if (note.Authors.Count > 0)
        {
            text.AppendLine(string.Join(", ", note.Authors));
        }

        if (!string.IsNullOrWhiteSpace(note.Abstract))
        {
            text.AppendLine().AppendLine(note.Abstract);
        }

        if (note.Links.Count > 0)
        {
            text.AppendLine();
            foreach (var link in note.Links)
            {
                text.AppendLine(link);
            }
        }

        if (!string.IsNullOrWhiteSpace(note.Commentary))
        {
            var tokens = new PlainTextRenderer().RenderMarkdown(note.Commentary);
            text.AppendLine().AppendLine(MarkupPacker.VisibleText(tokens));
        }

        if (note.Tags.Count > 0)
        {
            text.AppendLine().AppendLine(string.Join(" ", note.Tags.Select(Tag.ForDisplay)));
        }

        return text.ToString();
    }
}
