using System.Globalization;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Storage;

/// <summary>
/// Records every queued note as already posted to one destination, in a single transaction. A running bot's delivery
/// lane wakes whenever it likes (at start, after a slot, when the store changes), and a note taken and marked sent in
/// separate steps would be pending in between: the lane would post it to the fake itself, with the fake's message id.
/// </summary>
internal static class PostedRecords
{
    /// <returns>The notes recorded, in queue order.</returns>
    public static async Task<IReadOnlyList<long>> RecordAllQueuedAsync(
        SqliteDatabase database, string destination, Func<long, string> messageId, Func<long, string> permalink, DateTimeOffset at)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var tx = connection.BeginTransaction();
        var ids = new List<long>();
        await using (var select = Command(connection, tx, "SELECT id FROM notes WHERE taken_at IS NULL AND metadata_pending = 0 ORDER BY queue_position"))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        foreach (var (id, index) in ids.Select((id, index) => (id, index)))
        {
            // A millisecond apart, in queue order, as a lane posting them one by one would record them.
            var now = NoteRows.Time(at + TimeSpan.FromMilliseconds(index));
            (string Name, object Value)[] values =
                [("$id", id), ("$now", now), ("$dest", destination), ("$message", messageId(id)), ("$link", permalink(id))];
            foreach (var sql in (string[])[
                "UPDATE notes SET taken_at = $now, posted_at = COALESCE(posted_at, $now) WHERE id = $id",
                """
                INSERT INTO deliveries (note_id, destination, state, message_ids, permalink, created_at, updated_at, sent_at)
                VALUES ($id, $dest, 'sent', json_array($message), $link, $now, $now, $now)
                """,
                "UPDATE note_tags SET posted_at = (SELECT posted_at FROM notes WHERE id = $id) WHERE note_id = $id AND posted_at IS NULL",
            ])
            {
                await using var command = Command(connection, tx, sql);
                foreach (var (name, value) in values.Where(v => sql.Contains(v.Name, StringComparison.Ordinal)))
                {
                    command.Parameters.AddWithValue(name, value);
                }

                await command.ExecuteNonQueryAsync();
            }
        }

        await tx.CommitAsync();
        return ids;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
