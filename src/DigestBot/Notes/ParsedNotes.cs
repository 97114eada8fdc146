namespace DigestBot.Notes;

/// <summary>What a note file yielded: the good notes, and every rejected note or warning.</summary>
internal sealed record ParsedNotes(IReadOnlyList<Note> Notes, IReadOnlyList<NoteProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);
}
