using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Platform deliveries already handled (Telegram <c>update_id</c>, Slack <c>event_id</c>). Claimed before the
/// work is done, so a repeated delivery is dropped even while the first is still running or after a restart.
/// </summary>
internal sealed class HandledUpdateStore(SqliteDatabase database, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    private const string ClaimSql = "INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES ($platform, $id, $now)";

    /// <summary>True the first time an update is seen; false for every repeat.</summary>
    public async Task<bool> TryClaimAsync(string platform, string updateId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var claimed = await ClaimAsync(connection, null, platform, [updateId], ct);
        return claimed.Count > 0;
    }

    /// <summary>
    /// Claims a batch of updates and stores <paramref name="state"/> (the poller's offset) in one transaction, so a
    /// batch costs one commit; returns the ids seen for the first time.
    /// </summary>
    public async Task<IReadOnlySet<string>> ClaimBatchAsync(
        string platform, IReadOnlyList<string> updateIds, (string Key, string Value) state, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var claimed = await ClaimAsync(connection, tx, platform, updateIds, ct);
        await SqlCommands.ExecuteAsync(connection, tx, DeliveryStore.SetStateSql, ct, ("$key", state.Key), ("$value", state.Value));
        await tx.CommitAsync(ct);
        return claimed;
    }

    /// <summary>
    /// Gives claimed updates back, unhandled (the poller stopping before it reached them), and stores
    /// <paramref name="state"/> in the same transaction, so the next poll fetches and handles them.
    /// </summary>
    public async Task ReleaseAsync(string platform, IReadOnlyList<string> updateIds, (string Key, string Value) state, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using (var command = SqlCommands.Create(
            connection, tx, "DELETE FROM handled_updates WHERE platform = $platform AND update_id = $id", ("$platform", platform), ("$id", "")))
        {
            foreach (var id in updateIds)
            {
                command.Parameters["$id"].Value = id;
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        await SqlCommands.ExecuteAsync(connection, tx, DeliveryStore.SetStateSql, ct, ("$key", state.Key), ("$value", state.Value));
        await tx.CommitAsync(ct);
    }

    private async Task<HashSet<string>> ClaimAsync(
        SqliteConnection connection, SqliteTransaction? tx, string platform, IReadOnlyList<string> updateIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = SqlCommands.Create(connection, tx, ClaimSql, ("$platform", platform), ("$id", ""), ("$now", NoteRows.Time(now))))
        {
            foreach (var id in updateIds)
            {
                command.Parameters["$id"].Value = id;
                if (await command.ExecuteNonQueryAsync(ct) > 0)
                {
                    claimed.Add(id);
                }
            }
        }

        if (claimed.Count > 0 && Random.Shared.Next(100) == 0)
        {
            // Telegram repeats within minutes to hours; a week of ids is plenty and keeps the table small.
            await SqlCommands.ExecuteAsync(connection, tx, "DELETE FROM handled_updates WHERE handled_at < $cutoff", ct, ("$cutoff", NoteRows.Time(now - KeepFor)));
        }

        return claimed;
    }
}
