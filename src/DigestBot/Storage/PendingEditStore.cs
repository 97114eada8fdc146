using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Edits sent in a chat that wait for a curator's Update or Cancel (migration 0013); each is decided once.</summary>
internal sealed class PendingEditStore(SqliteDatabase database, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Updated = "updated";
    public const string Cancelled = "cancelled";
    public const string Stale = "stale";

    public async Task<long> AddAsync(long noteId, string platform, string chatId, string userId, string beforeText, string editedText, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (long)(await SqlCommands.ScalarAsync(
            connection,
            null,
            """
            INSERT INTO pending_edits (note_id, platform, chat_id, user_id, before_text, edited_text, created_at)
            VALUES ($note, $platform, $chat, $user, $before, $edited, $now) RETURNING id
            """,
            ct,
            ("$note", noteId),
            ("$platform", platform),
            ("$chat", chatId),
            ("$user", userId),
            ("$before", beforeText),
            ("$edited", editedText),
            ("$now", NoteRows.Time(time.GetUtcNow()))))!;
    }

    public async Task<PendingEdit?> FindAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SelectAsync(connection, "id = $id", ct, ("$id", id));
    }

    /// <summary>The newest edit still waiting in this chat (the console's typed <c>update</c> or <c>cancel</c> decides it).</summary>
    public async Task<PendingEdit?> LatestPendingAsync(string platform, string chatId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SelectAsync(
            connection, "platform = $platform AND chat_id = $chat AND state = 'pending' ORDER BY id DESC LIMIT 1", ct, ("$platform", platform), ("$chat", chatId));
    }

    /// <summary>Moves a pending edit to <paramref name="state"/>; false when it was decided already (a second press).</summary>
    public async Task<bool> DecideAsync(long id, string state, string who, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SqlCommands.ExecuteAsync(
            connection,
            null,
            "UPDATE pending_edits SET state = $state, decided_at = $now, decided_by = $who WHERE id = $id AND state = 'pending'",
            ct,
            ("$state", state),
            ("$now", NoteRows.Time(time.GetUtcNow())),
            ("$who", who),
            ("$id", id)) == 1;
    }

    /// <summary>Records what became of an edit already decided (an Update the note's changes made stale).</summary>
    public async Task MarkAsync(long id, string state, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(connection, null, "UPDATE pending_edits SET state = $state WHERE id = $id", ct, ("$state", state), ("$id", id));
    }

    private static async Task<PendingEdit?> SelectAsync(SqliteConnection connection, string where, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqlCommands.Create(
            connection, null, $"SELECT id, note_id, platform, chat_id, before_text, edited_text, state FROM pending_edits WHERE {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new PendingEdit(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6))
            : null;
    }
}
