namespace DigestBot.Storage;

/// <summary>A curator's edit of one note and what it did.</summary>
/// <param name="Update">For <see cref="RevisionOutcome.Updated"/>: the fields changed and the posted messages to edit.</param>
/// <param name="OtherId">For <see cref="RevisionOutcome.KeyTaken"/>: the note that has that key.</param>
internal sealed record RevisionResult(RevisionOutcome Outcome, NoteUpdate? Update = null, long? OtherId = null);
