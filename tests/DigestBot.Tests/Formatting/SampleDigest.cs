using DigestBot.Notes;

namespace DigestBot.Tests.Formatting;

/// <summary>
/// Just enough of the digest text format to get the sample's notes for rendering tests; the real
/// importer lives with the note parsers and is tested there.
/// </summary>
internal static class SampleDigest
{
    public static IReadOnlyList<Note> Notes()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Formatting", "digest-2024-07-30.txt"))
            .Skip(1)
            .ToList();
        var notes = new List<Note>();
        var i = 0;
        while (i < lines.Count)
        {
            var title = lines[i++];
            var authors = lines[i].StartsWith('(') ? lines[i++].Trim('(', ')').Split(", ") : [];
            var abstractText = lines[i++];
            var links = new List<string>();
            while (lines[i].StartsWith("https://", StringComparison.Ordinal) && !lines[i].Contains(' '))
            {
                links.Add(lines[i++]);
            }

            var commentary = new List<string>();
            while (!lines[i].StartsWith('#'))
            {
                commentary.Add(lines[i++]);
            }

            var tags = lines[i++].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Tag.Canonical).ToList();
            notes.Add(new Note
            {
                Title = title,
                Authors = authors,
                Abstract = abstractText,
                Links = links,
                Commentary = string.Join("\n", commentary),
                Tags = tags,
            });
        }

        return notes;
    }
}
