using DigestBot.Notes;

namespace DigestBot.Storage;

/// <summary>What one import transaction did: notes queued, and notes already stored (with the id they have).</summary>
internal sealed record ImportOutcome(IReadOnlyList<StoredNote> Queued, IReadOnlyList<(Note Note, long ExistingId)> AlreadyStored);
