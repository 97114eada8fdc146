using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Changes to notes after they were queued: metadata that arrives late, a curator's follow-up commentary,
/// and a paper link found by title.
/// </summary>
internal sealed class NoteAmendments(SqliteDatabase database, TimeProvider time)
{
    /// <summary>The note for this paper, whether it was stored by its id or found later by its title.</summary>
    public async Task<StoredNote?> FindByArxivIdAsync(string arxivId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var found = await NoteStore.SelectAsync(
            connection, "n.dedupe_key = $key OR n.arxiv_id = $id", "n.id", [("$key", "arxiv:" + arxivId), ("$id", arxivId)], ct);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Queues a note whose title is only a placeholder; no slot takes it until <see cref="CompleteMetadataAsync"/>.</summary>
    /// <returns>The stored note, and whether it was new (false: the paper was already stored).</returns>
    public async Task<(StoredNote Note, bool Queued)> QueueAwaitingMetadataAsync(Note note, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var key = NoteKey.For(note);
        long? existing;
        long id;
        await using (var writer = new NoteWriter(connection, tx))
        {
            existing = await writer.FindIdByKeyAsync(key, ct);
            id = existing ?? (await writer.InsertAsync(note, key, NoteRows.Time(time.GetUtcNow()), ct)).Id;
            if (existing is null)
            {
                await SqlCommands.ExecuteAsync(connection, tx, "UPDATE notes SET metadata_pending = 1 WHERE id = $id", ct, ("$id", id));
            }

            await writer.CommitAsync(ct);
        }

        var queued = existing is null;
        var stored = await NoteStore.SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct);
        return (stored[0], queued);
    }

    public async Task<bool> IsAwaitingMetadataAsync(long noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SqlCommands.ScalarAsync(connection, null, "SELECT metadata_pending FROM notes WHERE id = $id", ct, ("$id", noteId)) is 1L;
    }

    /// <summary>Queued notes still waiting for their metadata, oldest first.</summary>
    public async Task<IReadOnlyList<StoredNote>> AwaitingMetadataAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await NoteStore.SelectAsync(connection, "n.metadata_pending = 1", "n.queue_position", [], ct);
    }

    /// <summary>Fills in what arXiv said and lets the note be posted.</summary>
    public async Task CompleteMetadataAsync(long noteId, string title, IReadOnlyList<string> authors, string abstractText, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(
            connection,
            null,
            "UPDATE notes SET title = $title, authors = $authors, abstract = $abstract, metadata_pending = 0 WHERE id = $id",
            ct,
            ("$title", title),
            ("$authors", NoteRows.Json(authors)),
            ("$abstract", abstractText),
            ("$id", noteId));
    }

    /// <summary>arXiv says the paper does not exist: stop asking, and never post the note.</summary>
    public async Task GiveUpMetadataAsync(long noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(connection, null, "UPDATE notes SET metadata_pending = 2 WHERE id = $id", ct, ("$id", noteId));
    }

    /// <summary>
    /// Adds a paragraph of commentary and tags to a note still in the queue, unless <paramref name="refuse"/> finds that
    /// the note it makes could not be posted: read, checked and written in one transaction, so no other change slips between.
    /// </summary>
    /// <param name="refuse">Why a note cannot be posted, or null (<see cref="Formatting.NoteRenderCheck"/>).</param>
    /// <returns>Whether it was added (not once a slot has taken the note), and why not when the amended note was refused.</returns>
    public async Task<(bool Appended, string? Refused)> AppendAsync(
        long noteId, string commentary, IReadOnlyList<string> tags, Func<Note, string?> refuse, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var queued = await NoteStore.SelectAsync(connection, "n.id = $id AND n.taken_at IS NULL", "n.id", [("$id", noteId)], ct, tx);
        if (queued.Count == 0)
        {
            return (false, null);
        }

        var note = queued[0].Note;
        var text = commentary.Trim();
        var added = tags.Select(Tag.Canonical).Distinct().ToList();
        var amended = note with
        {
            Commentary = text.Length == 0 ? note.Commentary : note.Commentary.Length == 0 ? text : note.Commentary + "\n\n" + text,
            Tags = note.Tags.Concat(added).Distinct().ToList(),
        };
        if (refuse(amended) is { } refused)
        {
            return (false, refused);
        }

        if (text.Length > 0)
        {
            await SqlCommands.ExecuteAsync(
                connection, tx, "UPDATE notes SET commentary = $text WHERE id = $id", ct, ("$text", amended.Commentary), ("$id", noteId));
        }

        foreach (var tag in added)
        {
            await SqlCommands.ExecuteAsync(connection, tx, "INSERT OR IGNORE INTO note_tags (note_id, tag, posted_at) VALUES ($id, $tag, (SELECT posted_at FROM notes WHERE id = $id))", ct, ("$id", noteId), ("$tag", tag));
        }

        await tx.CommitAsync(ct);
        return (true, null);
    }

    /// <summary>Notes with neither a link nor an arXiv id that have not been looked up by title yet.</summary>
    public async Task<IReadOnlyList<StoredNote>> WithoutPaperLinkAsync(int max, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await NoteStore.SelectAsync(
            connection,
            $"n.arxiv_id IS NULL AND n.links = '[]' AND n.title_lookup_at IS NULL AND n.metadata_pending = 0",
            $"n.queue_position LIMIT {max}",
            [],
            ct);
    }

    /// <summary>Records the title lookup, and attaches the paper's id and link when it found one.</summary>
    public async Task RecordTitleLookupAsync(long noteId, string? arxivId, string? link, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(
            connection,
            null,
            """
            UPDATE notes SET title_lookup_at = $now,
                arxiv_id = COALESCE($arxiv, arxiv_id),
                links = CASE WHEN $link IS NULL THEN links ELSE json_insert(json('[]'), '$[0]', $link) END
            WHERE id = $id AND links = '[]'
            """,
            ct,
            ("$now", NoteRows.Time(time.GetUtcNow())),
            ("$arxiv", arxivId),
            ("$link", link),
            ("$id", noteId));
    }
}
