using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>What one import transaction did: notes queued, and notes already stored (with the id they have).</summary>
internal sealed record ImportOutcome(IReadOnlyList<StoredNote> Queued, IReadOnlyList<(Note Note, long ExistingId)> AlreadyStored)
{
    /// <summary>Stored notes whose content the import changed (their key matched, their content did not).</summary>
    public IReadOnlyList<NoteUpdate> Updated { get; init; } = [];

    /// <summary>Notes whose key matched a note a curator withdrew: left as they are.</summary>
    public IReadOnlyList<(Note Note, long ExistingId)> Withdrawn { get; init; } = [];
}
