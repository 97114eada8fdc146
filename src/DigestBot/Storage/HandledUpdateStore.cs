namespace DigestBot.Storage;

/// <summary>
/// Platform deliveries already handled (Telegram <c>update_id</c>, Slack <c>event_id</c>). Claimed just before the
/// work is done, so a repeated delivery is dropped even while the first is still running or after a restart, and an
/// update not yet started when the process dies is not claimed and is handled after the restart.
/// </summary>
internal sealed class HandledUpdateStore(SqliteDatabase database, TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);

    // Claims from chats answered at once queue here rather than in SQLite's busy handler, which sleeps between tries.
    private readonly SemaphoreSlim writer = new(1, 1);

    /// <summary>True the first time an update is seen; false for every repeat.</summary>
    public async Task<bool> TryClaimAsync(string platform, string updateId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await writer.WaitAsync(ct);
        try
        {
            await using var connection = await database.OpenAsync(ct);
            var claimed = await SqlCommands.ExecuteAsync(
                connection,
                null,
                "INSERT OR IGNORE INTO handled_updates (platform, update_id, handled_at) VALUES ($platform, $id, $now)",
                ct,
                ("$platform", platform),
                ("$id", updateId),
                ("$now", NoteRows.Time(now)));
            if (claimed > 0 && Random.Shared.Next(100) == 0)
            {
                // Telegram repeats within minutes to hours; a week of ids is plenty and keeps the table small.
                await SqlCommands.ExecuteAsync(connection, null, "DELETE FROM handled_updates WHERE handled_at < $cutoff", ct, ("$cutoff", NoteRows.Time(now - KeepFor)));
            }

            return claimed > 0;
        }
        finally
        {
            writer.Release();
        }
    }
}
