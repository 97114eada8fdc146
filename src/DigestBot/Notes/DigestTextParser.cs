namespace DigestBot.Notes;

// Placeholder until the parsers branch lands.
internal static class DigestTextParser
{
    public static bool IsHashtagLine(string line) { var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries); return t.Length > 0 && t.All(x => x.Length > 1 && x[0] == '#'); }

    public static ParsedNotes Parse(string text, string fileName)
    {
        var notes = new List<Note>();
        var lines = text.Split('\n');
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                notes.Add(new Note { Title = lines[start].Trim(), Abstract = lines[start + 1], Tags = lines[i].Split(' ').Select(Tag.Canonical).ToList(), Source = new NoteSource(fileName, start + 1) });
                start = i + 1;
            }
        }

        return new ParsedNotes(notes, []);
    }
}
