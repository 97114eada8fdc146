namespace DigestBot.Storage;

/// <summary>
/// Updates stored by <see cref="HandledUpdateStore.TryClaimAsync(string, string, string, CancellationToken)"/> and
/// not handled yet, read in arrival order and deleted once handled.
/// </summary>
internal sealed class PendingUpdateStore(SqliteDatabase database)
{
    public async Task<IReadOnlyList<PendingUpdate>> NextAsync(string platform, int count, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection, null, "SELECT update_id, body FROM pending_updates WHERE platform = $platform ORDER BY rowid LIMIT $count", ("$platform", platform), ("$count", count));
        var updates = new List<PendingUpdate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            updates.Add(new PendingUpdate(reader.GetString(0), reader.GetString(1)));
        }

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
