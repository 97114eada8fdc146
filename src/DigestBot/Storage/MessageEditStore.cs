using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// The lanes' records of changes to posted messages (<see cref="MessageEdit"/>). Like deliveries, each is marked before
/// and after its platform call, and a message sent or deleted is written to its delivery's message ids in the same
/// transaction that marks the edit done, so a crash repeats at most the call in flight.
/// </summary>
internal sealed class MessageEditStore(SqliteDatabase database, TimeProvider time)
{
    private const string Columns = "e.id, e.note_id, e.destination, e.part, e.message_id, e.kind, e.state, e.reason, e.attempts, e.created_at, e.updated_at";

    /// <summary>The destination's waiting edits, oldest first.</summary>
    public async Task<IReadOnlyList<MessageEdit>> PendingAsync(string destination, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection, null, $"SELECT {Columns} FROM message_edits e WHERE e.destination = $dest AND e.state = 'pending' ORDER BY e.id", ("$dest", destination));
        return await ReadAsync(command, ct);
    }

    /// <summary>Every edit of a note, oldest first, for its history.</summary>
    public async Task<IReadOnlyList<MessageEdit>> ForNoteAsync(long noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(connection, null, $"SELECT {Columns} FROM message_edits e WHERE e.note_id = $id ORDER BY e.id", ("$id", noteId));
        return await ReadAsync(command, ct);
    }

    /// <summary>
    /// Before a lane edits a post whose note now renders as <paramref name="parts"/> messages: records a send of every part
    /// the post lacks and a deletion of every message past the last part, unless already waiting. The message ids the
    /// delivery holds, plus the sends still waiting, are the post as it will be.
    /// </summary>
    public async Task PlanPartsAsync(long noteId, string destination, int parts, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var ids = NoteRows.List(await SqlCommands.ScalarAsync(
            connection, tx, "SELECT message_ids FROM deliveries WHERE note_id = $id AND destination = $dest", ct, ("$id", noteId), ("$dest", destination)) as string ?? "[]");
        var waiting = new List<(int Part, string Kind)>();
        await using (var command = SqlCommands.Create(
            connection, tx, "SELECT part, kind FROM message_edits WHERE note_id = $id AND destination = $dest AND state = 'pending' AND kind IN ('send', 'delete')",
            ("$id", noteId), ("$dest", destination)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                waiting.Add((reader.GetInt32(0), reader.GetString(1)));
            }
        }

        var now = NoteRows.Time(time.GetUtcNow());
        var posted = ids.Count + waiting.Count(w => w.Kind == "send");
        for (var part = posted; part < parts; part++)
        {
            await InsertAsync(connection, tx, noteId, destination, part, null, "send", now, ct);
        }

        for (var part = parts; part < ids.Count; part++)
        {
            if (!waiting.Contains((part, "delete")))
            {
                await InsertAsync(connection, tx, noteId, destination, part, ids[part], "delete", now, ct);
            }
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Written before the platform is called: after a crash, the attempt counts.</summary>
    public Task MarkAttemptAsync(long id, CancellationToken ct) => UpdateAsync(id, "attempts = attempts + 1", ct);

    public Task MarkFailedAsync(long id, string reason, CancellationToken ct) => UpdateAsync(id, "state = 'failed', reason = $reason", ct, ("$reason", reason));

    /// <summary>
    /// Done. A part sent is added to its delivery's message ids, with its id kept on the edit; a surplus message deleted
    /// leaves them; <paramref name="note"/> says what was done instead of what was asked (a withdrawn message edited).
    /// </summary>
    public async Task MarkDoneAsync(MessageEdit edit, string? sentMessageId, string? note, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var now = NoteRows.Time(time.GetUtcNow());
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            "UPDATE message_edits SET state = 'sent', reason = $note, message_id = COALESCE($sent, message_id), updated_at = $now WHERE id = $id",
            ct,
            ("$note", note),
            ("$sent", sentMessageId),
            ("$now", now),
            ("$id", edit.Id));
        if (edit.Kind == MessageEditKind.Send && sentMessageId is not null)
        {
            await SqlCommands.ExecuteAsync(
                connection,
                tx,
                "UPDATE deliveries SET message_ids = json_insert(message_ids, '$[#]', $msg), parts_sent = parts_sent + 1, updated_at = $now WHERE note_id = $id AND destination = $dest",
                ct,
                ("$msg", sentMessageId),
                ("$now", now),
                ("$id", edit.NoteId),
                ("$dest", edit.Destination));
        }
        else if (edit.Kind == MessageEditKind.Delete && edit.MessageId is not null)
        {
            var ids = NoteRows.List(await SqlCommands.ScalarAsync(
                connection, tx, "SELECT message_ids FROM deliveries WHERE note_id = $id AND destination = $dest", ct, ("$id", edit.NoteId), ("$dest", edit.Destination)) as string ?? "[]");
            await SqlCommands.ExecuteAsync(
                connection,
                tx,
                "UPDATE deliveries SET message_ids = $ids, updated_at = $now WHERE note_id = $id AND destination = $dest",
                ct,
                ("$ids", NoteRows.Json(ids.Where(i => i != edit.MessageId).ToList())),
                ("$now", now),
                ("$id", edit.NoteId),
                ("$dest", edit.Destination));
        }

        await tx.CommitAsync(ct);
    }

    private static Task InsertAsync(
        SqliteConnection connection, SqliteTransaction tx, long noteId, string destination, int part, string? messageId, string kind, string now, CancellationToken ct) =>
        SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            INSERT INTO message_edits (note_id, destination, part, message_id, kind, state, created_at, updated_at)
            VALUES ($id, $dest, $part, $msg, $kind, 'pending', $now, $now)
            """,
            ct,
            ("$id", noteId),
            ("$dest", destination),
            ("$part", part),
            ("$msg", messageId),
            ("$kind", kind),
            ("$now", now));

    private async Task UpdateAsync(long id, string set, CancellationToken ct, params (string Name, object? Value)[] extra)
    {
        await using var connection = await database.OpenAsync(ct);
        var parameters = new List<(string, object?)>(extra) { ("$id", id), ("$now", NoteRows.Time(time.GetUtcNow())) };
        await SqlCommands.ExecuteAsync(connection, null, $"UPDATE message_edits SET {set}, updated_at = $now WHERE id = $id", ct, [.. parameters]);
    }

    private static async Task<IReadOnlyList<MessageEdit>> ReadAsync(SqliteCommand command, CancellationToken ct)
    {
        var result = new List<MessageEdit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new MessageEdit(
                reader.GetInt64(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Enum.Parse<MessageEditKind>(reader.GetString(5), ignoreCase: true),
                Enum.Parse<DeliveryState>(reader.GetString(6), ignoreCase: true),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetInt32(8),
                DateTimeOffset.Parse(reader.GetString(9), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                DateTimeOffset.Parse(reader.GetString(10), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        }

        return result;
    }
}
