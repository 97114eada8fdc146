using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Platform deliveries already handled (Telegram <c>update_id</c>, Slack <c>event_id</c>). Claimed just before the
/// work is done, so a repeated delivery is dropped even while the first is still running or after a restart, and an
/// update not yet started when the process dies is not claimed and is handled after the restart.
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
    private int claimsSincePrune;

    /// <summary>True the first time an update is seen; false for every repeat.</summary>
    public async Task<bool> TryClaimAsync(string platform, string updateId, CancellationToken ct)
    {
        var claim = new Claim(platform, updateId, NoteRows.Time(time.GetUtcNow()));
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
            insert ??= Prepare(open);
            insert.Transaction = tx;
            for (var i = 0; i < batch.Count; i++)
            {
                insert.Parameters[0].Value = batch[i].Platform;
                insert.Parameters[1].Value = batch[i].UpdateId;
                insert.Parameters[2].Value = batch[i].At;
                results[i] = await insert.ExecuteNonQueryAsync() > 0;
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

    private static SqliteCommand Prepare(SqliteConnection open)
    {
        var command = SqlCommands.Create(
            open,
            null,
            "INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES ($platform, $id, $now)",
            ("$platform", ""),
            ("$id", ""),
            ("$now", ""));
        command.Prepare();
        return command;
    }

    private void Close()
    {
        insert?.Dispose();
        insert = null;
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

    private sealed class Claim(string platform, string updateId, string at)
    {
        public string Platform => platform;

        public string UpdateId => updateId;

        public string At => at;

        public TaskCompletionSource<bool> Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
