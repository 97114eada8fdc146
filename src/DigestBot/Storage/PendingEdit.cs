namespace DigestBot.Storage;

/// <summary>
/// A curator's edit of note <paramref name="NoteId"/> sent in a chat and waiting for Update or Cancel: the note as it was
/// stored when the change was shown, and as edited, both in the digest format.
/// </summary>
/// <param name="State"><c>pending</c>, then <c>updated</c>, <c>cancelled</c> or <c>stale</c>.</param>
internal sealed record PendingEdit(long Id, long NoteId, string Platform, string ChatId, string BeforeText, string EditedText, string State);
