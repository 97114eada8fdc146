namespace DigestBot.Notes;

/// <summary>Where a note came from: a file and line, or a chat and message.</summary>
internal sealed record NoteSource(string Location, int? Line)
{
    public static NoteSource Unknown { get; } = new("unknown", null);

    public override string ToString() => Line is { } line ? $"{Location}:{line}" : Location;
}
