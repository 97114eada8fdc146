using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Updates stored by <see cref="HandledUpdateStore.TryClaimAsync(string, string, string, CancellationToken)"/> and not
/// finished yet: read all at start (what a stop or a crash left), counted as one more attempt as each one's handling
/// begins, and deleted once finished or dropped.
/// </summary>
/// <remarks>
/// Marks and deletions made at the same moment (many chats answered at once) are written together: one write loop
/// takes everything waiting and commits it in one transaction. A begin mark is awaited (it must be on disk before the
/// handling it counts starts); a deletion is not, and one lost to a crash only means that update is answered again.
/// </remarks>
internal sealed class PendingUpdateStore(SqliteDatabase database)
{
    private readonly Lock waitingLock = new();
    private List<(string Platform, string Id, TaskCompletionSource Written)> begins = [];
    private List<(string Platform, string Id)> removals = [];
    private bool writing;
    private Task writer = Task.CompletedTask;

    /// <summary>Every stored update of <paramref name="platform"/>, in update id order (compared as numbers).</summary>
    public async Task<IReadOnlyList<PendingUpdate>> AllAsync(string platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection,
            null,
            "SELECT update_id, body, attempts FROM pending_updates WHERE platform = $platform ORDER BY CAST(update_id AS INTEGER), update_id",
            ("$platform", platform));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var updates = new List<PendingUpdate>();
        while (await reader.ReadAsync(ct))
        {
            updates.Add(new PendingUpdate(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return updates;
    }

    public async Task<int> CountAsync(string platform, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return Convert.ToInt32(await SqlCommands.ScalarAsync(connection, null, "SELECT COUNT(*) FROM pending_updates WHERE platform = $platform", ct, ("$platform", platform)));
    }

    /// <summary>Counts one more attempt for the update; returns once that is committed, so its handling may begin.</summary>
    public Task BeginAsync(string platform, string updateId, CancellationToken ct)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (waitingLock)
        {
            begins.Add((platform, updateId, written));
            StartWriting();
        }

        return written.Task.WaitAsync(ct);
    }

    /// <summary>Deletes the update (finished, dropped or given up) with the next write; does not wait for it.</summary>
    public void Remove(string platform, string updateId)
    {
        lock (waitingLock)
        {
            removals.Add((platform, updateId));
            StartWriting();
        }
    }

    /// <summary>Returns once every deletion asked for so far is written (or failed): at stop, so that finished updates are not answered again.</summary>
    public Task FlushAsync()
    {
        lock (waitingLock)
        {
            return writer;
        }
    }

    private void StartWriting()
    {
        if (!writing)
        {
            writing = true;
            writer = Task.Run(WriteWaitingAsync, CancellationToken.None);
        }
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            List<(string Platform, string Id, TaskCompletionSource Written)> begun;
            List<(string Platform, string Id)> removed;
            lock (waitingLock)
            {
                if (begins.Count == 0 && removals.Count == 0)
                {
                    writing = false;
                    return;
                }

                (begun, begins) = (begins, []);
                (removed, removals) = (removals, []);
            }

            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                await using (var mark = SqlCommands.Create(
                    connection, tx, "UPDATE pending_updates SET attempts = attempts + 1 WHERE platform = $platform AND update_id = $id", ("$platform", ""), ("$id", "")))
                {
                    foreach (var (platform, id, _) in begun)
                    {
                        mark.Parameters[0].Value = platform;
                        mark.Parameters[1].Value = id;
                        await mark.ExecuteNonQueryAsync();
                    }
                }

                await using (var delete = SqlCommands.Create(
                    connection, tx, "DELETE FROM pending_updates WHERE platform = $platform AND update_id = $id", ("$platform", ""), ("$id", "")))
                {
                    foreach (var (platform, id) in removed)
                    {
                        delete.Parameters[0].Value = platform;
                        delete.Parameters[1].Value = id;
                        await delete.ExecuteNonQueryAsync();
                    }
                }

                await tx.CommitAsync();
                begun.ForEach(b => b.Written.TrySetResult());
            }
            catch (Exception ex)
            {
                // Handling waits on its mark and sees the failure; a deletion lost here leaves the update to be answered again after a restart.
                begun.ForEach(b => b.Written.TrySetException(ex));
            }
        }
    }
}
