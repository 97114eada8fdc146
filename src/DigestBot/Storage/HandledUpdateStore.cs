using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Platform deliveries already handled (Telegram <c>update_id</c>, Slack <c>event_id</c>). Claimed just before the
/// work is done, so a repeated delivery is dropped even while the first is still running or after a restart, and an
/// update not yet started when the process dies is not claimed and is handled after the restart. An update claimed
/// with its body (the Telegram webhook's) is kept until handled instead, so even one interrupted midway is handled again.
/// </summary>
/// <remarks>
/// Claims made at the same moment (the chats of one batch answered at once) are committed together: one commit loop
/// takes every claim waiting and commits them in one transaction, on a connection kept open with its statement
/// prepared, and each caller goes on only once its own claim is committed. A commit per claim used to take a fifth of
/// the bot's time per command.
/// </remarks>
internal sealed class HandledUpdateStore(SqliteDatabase database, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    /// <summary>Telegram repeats within minutes to hours; a week of ids is plenty, pruned every so many claims.</summary>
    private const int PruneEvery = 100;

    // One commit loop at a time; claims wait for it rather than in SQLite's busy handler, which sleeps between tries.
    private readonly Lock waitingLock = new();
    private List<Claim> waiting = [];
    private bool committing;
    private Task committer = Task.CompletedTask;
    private SqliteConnection? connection;
    private SqliteCommand? insert;
    private SqliteCommand? keep;
    private int claimsSincePrune;

    /// <summary>True the first time an update is seen; false for every repeat.</summary>
    public Task<bool> TryClaimAsync(string platform, string updateId, CancellationToken ct) =>
        TryClaimAsync(new Claim(platform, updateId, NoteRows.Time(time.GetUtcNow()), null), ct);

    /// <summary>
    /// Claims the update and, the first time it is seen, keeps <paramref name="body"/> in <see cref="PendingUpdateStore"/>
    /// in the same transaction, to be handled from there: an update is never claimed without being kept.
    /// </summary>
    public Task<bool> TryClaimAsync(string platform, string updateId, string body, CancellationToken ct) =>
        TryClaimAsync(new Claim(platform, updateId, NoteRows.Time(time.GetUtcNow()), body), ct);

    private async Task<bool> TryClaimAsync(Claim claim, CancellationToken ct)
    {
        lock (waitingLock)
        {
            waiting.Add(claim);
            if (!committing)
            {
                committing = true;
                committer = Task.Run(CommitWaitingAsync, CancellationToken.None);
            }
        }

        try
        {
            return await claim.Committed.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (!Withdraw(claim))
        {
            // The commit loop has taken the claim already: its answer stands.
            return await claim.Committed.Task;
        }
    }

    /// <summary>Commits what is waiting, then what came meanwhile, until nothing is left. Not cancellable: every claim taken gets its answer.</summary>
    private async Task CommitWaitingAsync()
    {
        while (true)
        {
            List<Claim> batch;
            lock (waitingLock)
            {
                if (waiting.Count == 0)
                {
                    committing = false;
                    return;
                }

                (batch, waiting) = (waiting, []);
            }

            await CommitAsync(batch);
        }
    }

    private bool Withdraw(Claim claim)
    {
        lock (waitingLock)
        {
            return waiting.Remove(claim);
        }
    }

    private async Task CommitAsync(List<Claim> batch)
    {
        var results = new bool[batch.Count];
        try
        {
            var open = connection ??= await database.OpenAsync(CancellationToken.None);
            await using var tx = (SqliteTransaction)await open.BeginTransactionAsync();
            insert ??= Prepare(
                open, "INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES ($platform, $id, $now)", "$platform", "$id", "$now");
            insert.Transaction = tx;
            for (var i = 0; i < batch.Count; i++)
            {
                insert.Parameters[0].Value = batch[i].Platform;
                insert.Parameters[1].Value = batch[i].UpdateId;
                insert.Parameters[2].Value = batch[i].At;
                results[i] = await insert.ExecuteNonQueryAsync() > 0;
                if (results[i] && batch[i].Body is { } body)
                {
                    keep ??= Prepare(
                        open, "INSERT INTO pending_updates (platform, update_id, body, received_at) VALUES ($platform, $id, $body, $now)", "$platform", "$id", "$body", "$now");
                    keep.Transaction = tx;
                    keep.Parameters[0].Value = batch[i].Platform;
                    keep.Parameters[1].Value = batch[i].UpdateId;
                    keep.Parameters[2].Value = body;
                    keep.Parameters[3].Value = batch[i].At;
                    await keep.ExecuteNonQueryAsync();
                }
            }

            claimsSincePrune += batch.Count;
            if (claimsSincePrune >= PruneEvery)
            {
                claimsSincePrune = 0;
                await SqlCommands.ExecuteAsync(
                    open, tx, "DELETE FROM handled_updates WHERE handled_at < $cutoff", CancellationToken.None, ("$cutoff", NoteRows.Time(time.GetUtcNow() - KeepFor)));
            }

            await tx.CommitAsync();
        }
        catch (Exception ex)
        {
            // Start the next commit from a new connection, and tell every waiting caller.
            Close();
            batch.ForEach(c => c.Committed.TrySetException(ex));
            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Committed.TrySetResult(results[i]);
        }
    }

    private static SqliteCommand Prepare(SqliteConnection open, string sql, params string[] names)
    {
        var command = SqlCommands.Create(open, null, sql, [.. names.Select(n => (n, (object?)""))]);
        command.Prepare();
        return command;
    }

    private void Close()
    {
        insert?.Dispose();
        insert = null;
        keep?.Dispose();
        keep = null;
        connection?.Dispose();
        connection = null;
    }

    public void Dispose()
    {
        Task running;
        lock (waitingLock)
        {
            running = committer;
        }

        running.GetAwaiter().GetResult();
        Close();
    }

    private sealed class Claim(string platform, string updateId, string at, string? body)
    {
        public string Platform => platform;

        public string UpdateId => updateId;

        public string At => at;

        /// <summary>The update itself, to keep until it is handled; null when the caller handles it at once.</summary>
        public string? Body => body;

        public TaskCompletionSource<bool> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
