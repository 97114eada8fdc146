namespace DigestBot.Notes;

/// <summary>
/// A note file's notes, parsed as they are enumerated, and its rejected notes and warnings, complete once every note
/// has been enumerated (<see cref="NoteFileReader.Stream"/>).
/// </summary>
internal sealed record NoteStream(IEnumerable<Note> Notes, IReadOnlyList<NoteProblem> Problems)
{
    /// <summary>The file could not be read, or is known to hold no notes, so there is nothing to store.</summary>
    public bool IsEmpty => Notes is IReadOnlyCollection<Note> { Count: 0 };
}
