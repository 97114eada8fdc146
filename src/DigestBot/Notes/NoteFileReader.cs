namespace DigestBot.Notes;

// Placeholder until the parsers branch lands.
internal static class NoteFileReader
{
    public static ParsedNotes Read(string path) => DigestTextParser.Parse(File.ReadAllText(path), path);

    public static IEnumerable<string> ExpandPaths(IEnumerable<string> filesOrFolders, List<NoteProblem> problems) => filesOrFolders;
}
