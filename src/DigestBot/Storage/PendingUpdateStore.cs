namespace DigestBot.Storage;

/// <summary>
/// Updates stored by <see cref="HandledUpdateStore.TryClaimAsync(string, string, string, CancellationToken)"/> and
/// not handled yet, read in arrival order and deleted once handled.
/// </summary>
internal sealed class PendingUpdateStore(SqliteDatabase database)
{
    /// <summary>The oldest <paramref name="count"/> updates, each counted as one more attempt before it is handed out.</summary>
    public async Task<IReadOnlyList<PendingUpdate>> BeginNextAsync(string platform, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        const string next = "SELECT rowid FROM pending_updates WHERE platform = $platform ORDER BY rowid LIMIT $count";
        await SqlCommands.ExecuteAsync(
            connection, tx, $"UPDATE pending_updates SET attempts = attempts + 1 WHERE rowid IN ({next})", ct, ("$platform", platform), ("$count", count));
        var updates = new List<PendingUpdate>();
        await using (var command = SqlCommands.Create(
            connection, tx, "SELECT update_id, body, attempts FROM pending_updates WHERE platform = $platform ORDER BY rowid LIMIT $count", ("$platform", platform), ("$count", count)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                updates.Add(new PendingUpdate(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
            }
        }

        await tx.CommitAsync(ct);
        return updates;
    }

    public async Task<int> CountAsync(string platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return Convert.ToInt32(await SqlCommands.ScalarAsync(connection, null, "SELECT COUNT(*) FROM pending_updates WHERE platform = $platform", ct, ("$platform", platform)));
    }

    public async Task RemoveAsync(string platform, IReadOnlyList<PendingUpdate> handled, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = connection.BeginTransaction();
        await using var delete = SqlCommands.Create(
            connection, tx, "DELETE FROM pending_updates WHERE platform = $platform AND update_id = $id", ("$platform", platform), ("$id", ""));
        foreach (var update in handled)
        {
            delete.Parameters[1].Value = update.UpdateId;
            await delete.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
    }
}
