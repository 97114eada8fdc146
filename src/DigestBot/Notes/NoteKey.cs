namespace DigestBot.Notes;

internal static class NoteKey
{
    public static string For(Note note) =>
        note.ArxivId is { } id ? "arxiv:" + id
        : note.PaperLink is { } link ? "link:" + link
        : "title:" + NormaliseTitle(note.Title);

    public static string NormaliseTitle(string title) => string.Join(' ', title.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
