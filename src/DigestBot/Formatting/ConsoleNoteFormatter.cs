using DigestBot.Notes;

namespace DigestBot.Formatting;

// Placeholder until the renderers branch lands.
internal static class ConsoleNoteFormatter
{
    public static string Format(Note note) =>
        string.Join('\n', new[] { note.Title, string.Join(", ", note.Authors), note.Abstract, note.PaperLink ?? "", note.Commentary, string.Join(' ', note.Tags.Select(Tag.ForDisplay)) }.Where(s => s.Length > 0));
}
