using DigestBot.Notes;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// A curator taking a note back and queueing it again. Each change is one transaction that also records what follows
/// from it (the deletions of posted messages, as <see cref="MessageEdit"/>s the lanes carry out) and a line of history,
/// so the running bot, or the next one to start, finishes it.
/// </summary>
internal sealed class NoteCuration(SqliteDatabase database, TimeProvider time)
{
    public const string WithdrawnReason = "withdrawn by a curator";

    /// <summary>
    /// Takes the note out of the queue, the lookups, the tag counts and the archive (its tags are kept aside for a
    /// requeue), gives up its unfinished deliveries and records a deletion of every message it has posted.
    /// </summary>
    public Task<CurationResult> WithdrawAsync(long id, string who, CancellationToken ct) => WithdrawAsync(id, who, null, ct);

    /// <param name="listingVersion">
    /// When set, the <see cref="QueueListingVersion"/> of the queue the curator was shown: if the queue's order is not that
    /// one any more, nothing changes (<see cref="CurationOutcome.QueueChanged"/>). It is compared in the transaction that
    /// makes the change, so no change can land between the two.
    /// </param>
    public async Task<CurationResult> WithdrawAsync(long id, string who, string? listingVersion, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = Immediate(connection);
        if (listingVersion is not null && await QueueVersionAsync(connection, tx, ct) != listingVersion)
        {
            return new CurationResult(CurationOutcome.QueueChanged);
        }

        if (await FindAsync(connection, tx, id, ct) is not { } note)
        {
            return new CurationResult(CurationOutcome.NoSuchNote);
        }

        if (note.Withdrawn)
        {
            return new CurationResult(CurationOutcome.AlreadyWithdrawn, note.Title);
        }

        var now = NoteRows.Time(time.GetUtcNow());
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            UPDATE notes SET withdrawn_at = $now, taken_at = COALESCE(taken_at, $now),
                withdrawn_tags = (SELECT json_group_array(tag) FROM (SELECT tag FROM note_tags WHERE note_id = $id ORDER BY rowid))
            WHERE id = $id
            """,
            ct,
            ("$now", now),
            ("$id", id));
        // Deleting the tags and clearing posted_at count the note out of /tags and the archive through the triggers of 0005 and 0011.
        await SqlCommands.ExecuteAsync(connection, tx, "DELETE FROM note_tags WHERE note_id = $id", ct, ("$id", id));
        await SqlCommands.ExecuteAsync(connection, tx, "UPDATE notes SET posted_at = NULL WHERE id = $id", ct, ("$id", id));
        var messages = await NoteRevision.WithdrawPostedAsync(connection, tx, id, null, now, ct);
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            "UPDATE deliveries SET state = 'dropped', reason = $reason, updated_at = $now WHERE note_id = $id AND state IN ('pending', 'sending', 'failed')",
            ct,
            ("$reason", WithdrawnReason),
            ("$now", now),
            ("$id", id));
        await NoteRevision.RecordAsync(connection, tx, id, who, note.Queued ? "withdrawn from the queue" : "withdrawn", null, now, ct);
        await tx.CommitAsync(ct);
        return new CurationResult(CurationOutcome.Done, note.Title, messages) { WasQueued = note.Queued };
    }

    /// <summary>
    /// A withdrawn note back at the end of the queue with its tags, to be posted afresh: its old delivery records go
    /// (their messages are deleted; the edits and the history keep their ids).
    /// </summary>
    public async Task<CurationResult> RequeueAsync(long id, string who, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (await FindAsync(connection, tx, id, ct) is not { } note)
        {
            return new CurationResult(CurationOutcome.NoSuchNote);
        }

        if (!note.Withdrawn)
        {
            return new CurationResult(CurationOutcome.NotWithdrawn, note.Title);
        }

        if (await SqlCommands.ScalarAsync(
                connection, tx, "SELECT 1 FROM message_edits WHERE note_id = $id AND kind = 'withdraw' AND state = 'pending' LIMIT 1", ct, ("$id", id)) is not null)
        {
            return new CurationResult(CurationOutcome.StillTakingBack, note.Title);
        }

        var now = NoteRows.Time(time.GetUtcNow());
        await SqlCommands.ExecuteAsync(connection, tx, "DELETE FROM deliveries WHERE note_id = $id", ct, ("$id", id));
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            UPDATE notes SET withdrawn_at = NULL, taken_at = NULL, posted_at = NULL,
                queue_position = (SELECT MAX(queue_position) + 1 FROM notes)
            WHERE id = $id
            """,
            ct,
            ("$id", id));
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            INSERT OR IGNORE INTO note_tags (note_id, tag)
            SELECT $id, value FROM json_each((SELECT withdrawn_tags FROM notes WHERE id = $id)) ORDER BY key
            """,
            ct,
            ("$id", id));
        await SqlCommands.ExecuteAsync(connection, tx, "UPDATE notes SET withdrawn_tags = NULL WHERE id = $id", ct, ("$id", id));
        await NoteRevision.RecordAsync(connection, tx, id, who, "requeued", null, now, ct);
        var position = Convert.ToInt32(
            await SqlCommands.ScalarAsync(connection, tx, "SELECT COUNT(*) FROM notes WHERE taken_at IS NULL", ct), System.Globalization.CultureInfo.InvariantCulture);
        await tx.CommitAsync(ct);
        return new CurationResult(CurationOutcome.Done, note.Title, Position: position);
    }

    /// <summary>
    /// Puts a queued note at <paramref name="position"/> (from 1) in the queue; the others keep their order. The queue's
    /// places are shuffled among its notes, so a note imported meanwhile still comes after all of them.
    /// </summary>
    public Task<CurationResult> MoveAsync(long id, int position, string who, CancellationToken ct) => MoveAsync(id, position, who, null, ct);

    /// <param name="listingVersion">As for <see cref="WithdrawAsync(long, string, string?, CancellationToken)"/>.</param>
    public async Task<CurationResult> MoveAsync(long id, int position, string who, string? listingVersion, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = Immediate(connection);
        if (listingVersion is not null && await QueueVersionAsync(connection, tx, ct) != listingVersion)
        {
            return new CurationResult(CurationOutcome.QueueChanged);
        }

        if (await FindAsync(connection, tx, id, ct) is not { } note)
        {
            return new CurationResult(CurationOutcome.NoSuchNote);
        }

        if (!note.Queued || note.Withdrawn)
        {
            return new CurationResult(CurationOutcome.NotQueued, note.Title);
        }

        var queue = new List<(long Id, long Place)>();
        await using (var command = SqlCommands.Create(connection, tx, "SELECT id, queue_position FROM notes WHERE taken_at IS NULL ORDER BY queue_position"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                queue.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        if (position < 1 || position > queue.Count)
        {
            return new CurationResult(CurationOutcome.OutOfRange, note.Title, Position: queue.Count);
        }

        var order = queue.Select(q => q.Id).Where(q => q != id).ToList();
        order.Insert(position - 1, id);
        for (var i = 0; i < order.Count; i++)
        {
            await SqlCommands.ExecuteAsync(connection, tx, "UPDATE notes SET queue_position = $place WHERE id = $id", ct, ("$place", queue[i].Place), ("$id", order[i]));
        }

        var now = NoteRows.Time(time.GetUtcNow());
        await NoteRevision.RecordAsync(connection, tx, id, who, $"moved to {position.ToString(System.Globalization.CultureInfo.InvariantCulture)} in the queue", null, now, ct);
        await tx.CommitAsync(ct);
        return new CurationResult(CurationOutcome.Done, note.Title, Position: position);
    }

    /// <summary>Every change curators made to the note, oldest first.</summary>
    public async Task<IReadOnlyList<NoteChange>> ChangesAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(connection, null, "SELECT note_id, at, who, what, origin FROM note_changes WHERE note_id = $id ORDER BY id", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var changes = new List<NoteChange>();
        while (await reader.ReadAsync(ct))
        {
            changes.Add(new NoteChange(reader.GetInt64(0), NoteRows.Time(reader, 1)!.Value, reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return changes;
    }

    /// <summary>
    /// Takes the write lock at once, so what the transaction reads (the queue's order) cannot change before it writes.
    /// </summary>
    private static SqliteTransaction Immediate(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    /// <summary>The <see cref="QueueListingVersion"/> of the queue as <see cref="NoteStore.QueuedIdsAsync"/> lists it.</summary>
    private static async Task<string> QueueVersionAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        await using var command = SqlCommands.Create(connection, tx, "SELECT id FROM notes WHERE taken_at IS NULL ORDER BY queue_position");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<long>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return QueueListingVersion.Of(ids);
    }

    /// <summary>
    /// Writes a curator's edit over note <paramref name="id"/> the way a re-import does (<see cref="NoteRevision"/>: the
    /// posted copies are edited, the history records it), unless the note is not there or withdrawn, changed since the edit
    /// began from <paramref name="before"/>, or the edit gives it the key of another note. The note keeps its source.
    /// </summary>
    public async Task<RevisionResult> ReviseAsync(long id, Note before, Note edited, string who, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = Immediate(connection);
        if (await FindAsync(connection, tx, id, ct) is not { } found)
        {
            return new RevisionResult(RevisionOutcome.NoSuchNote);
        }

        if (found.Withdrawn)
        {
            return new RevisionResult(RevisionOutcome.Withdrawn);
        }

        var stored = (await NoteStore.SelectAsync(connection, "n.id = $id", "n.id", [("$id", id)], ct, tx))[0].Note;
        if (NoteRevision.Changes(stored, before).Count > 0)
        {
            return new RevisionResult(RevisionOutcome.OutOfDate);
        }

        var note = edited with { Source = stored.Source };
        if (await SqlCommands.ScalarAsync(
                connection, tx, "SELECT id FROM notes WHERE dedupe_key = $key AND id <> $id", ct, ("$key", NoteKey.For(note)), ("$id", id)) is long other)
        {
            return new RevisionResult(RevisionOutcome.KeyTaken, OtherId: other);
        }

        var changed = NoteRevision.Changes(stored, note);
        if (changed.Count == 0)
        {
            return new RevisionResult(RevisionOutcome.Unchanged);
        }

        var edits = await NoteRevision.ApplyAsync(connection, tx, id, note, changed, who, NoteRows.Time(time.GetUtcNow()), ct);
        await tx.CommitAsync(ct);
        return new RevisionResult(RevisionOutcome.Updated, new NoteUpdate(id, note.Title, changed, edits));
    }

    private static async Task<(string Title, bool Withdrawn, bool Queued)?> FindAsync(SqliteConnection connection, SqliteTransaction tx, long id, CancellationToken ct)
    {
        await using var command = SqlCommands.Create(connection, tx, "SELECT title, withdrawn_at IS NOT NULL, taken_at IS NULL FROM notes WHERE id = $id", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2)) : null;
    }
}
