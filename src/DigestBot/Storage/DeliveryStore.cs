using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// The publisher's records: which notes a slot took, and per destination how far each delivery got.
/// Every state change is written before the next platform call, so a crash repeats at most one message.
/// </summary>
internal sealed class DeliveryStore(SqliteDatabase database, TimeProvider time)
{
    /// <summary>The bot_state key of the last slot run, written with the notes that slot took.</summary>
    public const string LastSlotKey = "schedule.last_slot";

    /// <summary>The notes a slot would take next, in queue order: queued, not taken yet, their metadata complete.</summary>
    public async Task<IReadOnlyList<StoredNote>> QueueHeadAsync(int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await NoteStore.SelectAsync(
            connection,
            "n.id IN (SELECT id FROM notes WHERE taken_at IS NULL AND metadata_pending = 0 ORDER BY queue_position LIMIT $count)",
            "n.queue_position",
            [("$count", count)],
            ct);
    }

    /// <summary>
    /// Takes the planned notes that are still queued and creates a pending delivery for each destination already
    /// chosen for it, in one transaction; with <paramref name="slot"/>, records it as the last slot run in that same
    /// transaction. A note someone else took meanwhile is left out of the result.
    /// </summary>
    public async Task<IReadOnlyList<StoredNote>> TakeForSlotAsync(IReadOnlyList<PlannedDeliveries> plan, DateTimeOffset? slot, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var now = NoteRows.Time(time.GetUtcNow());
        var ids = new List<long>();
        foreach (var planned in plan)
        {
            var id = planned.NoteId;
            if (await ExecuteAsync(connection, tx, "UPDATE notes SET taken_at = $now WHERE id = $id AND taken_at IS NULL AND metadata_pending = 0", ct, ("$now", now), ("$id", id)) != 1)
            {
                continue;
            }

            ids.Add(id);
            foreach (var destination in planned.Destinations)
            {
                await ExecuteAsync(
                    connection,
                    tx,
                    "INSERT OR IGNORE INTO deliveries (note_id, destination, state, created_at, updated_at) VALUES ($id, $dest, 'pending', $now, $now)",
                    ct,
                    ("$id", id),
                    ("$dest", destination),
                    ("$now", now));
            }
        }

        if (slot is { } ran)
        {
            await ExecuteAsync(connection, tx, SetStateSql, ct, ("$key", LastSlotKey), ("$value", NoteRows.Time(ran)));
        }

        await tx.CommitAsync(ct);
        if (ids.Count == 0)
        {
            return [];
        }

        return await NoteStore.SelectAsync(connection, $"n.id IN ({string.Join(',', ids)})", "n.queue_position", [], ct);
    }

    /// <summary>Deliveries not finished yet (pending, or sending when a crash interrupted them), in queue order.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> UnfinishedAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {NoteRows.DeliveryColumns} FROM deliveries d JOIN notes n ON n.id = d.note_id
            WHERE d.state IN ('pending', 'sending') ORDER BY n.queue_position, d.destination
            """;
        return await NoteRows.ReadDeliveriesAsync(command, ct);
    }

    /// <summary>
    /// The destinations with work waiting: an unfinished delivery or a pending change to what they were sent. A wake
    /// looks here once instead of asking each of thousands of subscribed chats' lanes.
    /// </summary>
    public async Task<IReadOnlySet<string>> DestinationsWithWorkAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT destination FROM deliveries WHERE state IN ('pending', 'sending')
            UNION SELECT destination FROM message_edits WHERE state = 'pending'
            """;
        var destinations = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            destinations.Add(reader.GetString(0));
        }

        return destinations;
    }

    /// <summary>The unfinished deliveries to one destination, in queue order.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> UnfinishedAsync(string destination, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {NoteRows.DeliveryColumns}, n.taken_at FROM deliveries d JOIN notes n ON n.id = d.note_id
            WHERE d.destination = $dest AND d.state IN ('pending', 'sending') ORDER BY n.queue_position
            """;
        command.Parameters.AddWithValue("$dest", destination);
        return await NoteRows.ReadDeliveriesAsync(command, ct);
    }

    public Task MarkSendingAsync(long noteId, string destination, CancellationToken ct) =>
        UpdateAsync("state = 'sending', attempts = attempts + 1", noteId, destination, ct);

    /// <summary>Records one more part as accepted by the platform, with its message id.</summary>
    public Task MarkPartSentAsync(long noteId, string destination, string messageId, CancellationToken ct) =>
        UpdateAsync("message_ids = json_insert(message_ids, '$[#]', $value)", noteId, destination, ct, ("$value", messageId));

    /// <summary>Records the delivery as sent and, the first time any delivery of the note is, when the note was posted.</summary>
    public async Task MarkSentAsync(long noteId, string destination, string? permalink, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var now = NoteRows.Time(time.GetUtcNow());
        var changed = await ExecuteAsync(
            connection,
            tx,
            "UPDATE deliveries SET state = 'sent', reason = NULL, permalink = $link, sent_at = $now, updated_at = $now WHERE note_id = $id AND destination = $dest",
            ct,
            ("$link", (object?)permalink ?? DBNull.Value),
            ("$now", now),
            ("$id", noteId),
            ("$dest", destination));
        if (changed != 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No delivery of note {noteId} to {destination}."));
        }

        await ExecuteAsync(connection, tx, "UPDATE notes SET posted_at = $now WHERE id = $id AND posted_at IS NULL AND withdrawn_at IS NULL", ct, ("$now", now), ("$id", noteId));
        if (await SqlCommands.ScalarAsync(connection, tx, "SELECT withdrawn_at FROM notes WHERE id = $id", ct, ("$id", noteId)) is string)
        {
            // Withdrawn while this delivery was in flight: what it posted is taken back like the rest.
            await NoteRevision.WithdrawPostedAsync(connection, tx, noteId, destination, now, ct);
        }
        else if (await SqlCommands.ScalarAsync(
                     connection,
                     tx,
                     "SELECT 1 FROM notes n JOIN deliveries d ON d.note_id = n.id WHERE n.id = $id AND d.destination = $dest AND n.revised_at >= d.created_at",
                     ct,
                     ("$id", noteId),
                     ("$dest", destination)) is not null)
        {
            // Changed after this delivery was planned: its parts may carry the old text. An edit to the text as it is
            // now costs nothing where they do not (Telegram's "not modified" counts as done).
            await NoteRevision.EditPostedAsync(connection, tx, noteId, destination, now, ct);
        }

        await ExecuteAsync(
            connection, tx, "UPDATE note_tags SET posted_at = (SELECT posted_at FROM notes WHERE id = $id) WHERE note_id = $id AND posted_at IS NULL", ct, ("$id", noteId));
        await tx.CommitAsync(ct);
    }

    public Task MarkFailedAsync(long noteId, string destination, string reason, CancellationToken ct) =>
        UpdateAsync("state = 'failed', reason = $value", noteId, destination, ct, ("$value", reason));

    /// <summary>Back to waiting, keeping the parts already sent: the destination paused before this one went.</summary>
    public Task MarkPendingAsync(long noteId, string destination, CancellationToken ct) =>
        UpdateAsync("state = 'pending'", noteId, destination, ct);

    /// <summary>Gives up every unfinished delivery to the destination without failing it; returns how many.</summary>
    public async Task<int> DropUnfinishedAsync(string destination, string reason, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ExecuteAsync(
            connection,
            null,
            "UPDATE deliveries SET state = 'dropped', reason = $reason, updated_at = $now WHERE destination = $dest AND state IN ('pending', 'sending')",
            ct,
            ("$reason", reason),
            ("$now", NoteRows.Time(time.GetUtcNow())),
            ("$dest", destination));
    }

    /// <summary>Failed deliveries of one note (or of every note) back to pending, to go out at the next slots; returns how many.</summary>
    public async Task<int> RetryFailedAsync(long? noteId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var sql = "UPDATE deliveries SET state = 'pending', reason = NULL, attempts = 0, updated_at = $now WHERE state = 'failed'"
            + (noteId is null ? "" : " AND note_id = $id");
        return await ExecuteAsync(connection, null, sql, ct, ("$now", NoteRows.Time(time.GetUtcNow())), ("$id", noteId ?? 0));
    }

    /// <summary>Notes waiting in the queue (not taken by a slot yet), and deliveries that failed.</summary>
    public async Task<(long Queued, long Failed)> CountsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM notes WHERE taken_at IS NULL), (SELECT COUNT(*) FROM deliveries WHERE state = 'failed')
            """;
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The destination's newest post: when it was sent, and when a slot took its note.</summary>
    public async Task<(DateTimeOffset SentAt, DateTimeOffset? TakenAt)?> LastPostAsync(string destination, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d.sent_at, n.taken_at FROM deliveries d JOIN notes n ON n.id = d.note_id
            WHERE d.destination = $dest AND d.state = 'sent' ORDER BY d.sent_at DESC LIMIT 1
            """;
        command.Parameters.AddWithValue("$dest", destination);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) && NoteRows.Time(reader, 0) is { } sent ? (sent, NoteRows.Time(reader, 1)) : null;
    }

    public async Task<DeliveryRecord?> FindAsync(long noteId, string destination, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {NoteRows.DeliveryColumns} FROM deliveries d WHERE d.note_id = $id AND d.destination = $dest";
        command.Parameters.AddWithValue("$id", noteId);
        command.Parameters.AddWithValue("$dest", destination);
        var found = await NoteRows.ReadDeliveriesAsync(command, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<string?> GetStateAsync(string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM bot_state WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public async Task SetStateAsync(string key, string value, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await ExecuteAsync(connection, null, SetStateSql, ct, ("$key", key), ("$value", value));
    }

    public async Task RemoveStateAsync(string key, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await ExecuteAsync(connection, null, "DELETE FROM bot_state WHERE key = $key", ct, ("$key", key));
    }

    private const string SetStateSql = "INSERT INTO bot_state (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    private async Task UpdateAsync(string set, long noteId, string destination, CancellationToken ct, params (string Name, object Value)[] extra)
    {
        await using var connection = await database.OpenAsync(ct);
        var parameters = new List<(string, object)>(extra)
        {
            ("$id", noteId),
            ("$dest", destination),
            ("$now", NoteRows.Time(time.GetUtcNow())),
        };
        var changed = await ExecuteAsync(
            connection, null, $"UPDATE deliveries SET {set}, updated_at = $now WHERE note_id = $id AND destination = $dest", ct, [.. parameters]);
        if (changed != 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"No delivery of note {noteId} to {destination}."));
        }
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }
}
