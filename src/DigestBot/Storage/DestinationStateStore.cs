using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>Which destinations are paused, why, since when, and when each is tried again; kept across restarts.</summary>
internal sealed class DestinationStateStore(SqliteDatabase database, TimeProvider time)
{
    public async Task<DestinationStatus> GetAsync(string destination, CancellationToken ct)
    {
        var found = await ReadAsync("WHERE destination = $dest", ct, ("$dest", destination));
        return found.Count == 0 ? DestinationStatus.Ok(destination) : found[0];
    }

    public Task<IReadOnlyList<DestinationStatus>> PausedAsync(CancellationToken ct) =>
        ReadAsync("WHERE state = 'paused' ORDER BY since, destination", ct);

    /// <summary>
    /// Records a refusal that concerns the whole destination: paused now if it was ok (returns true), or one more probe
    /// that found it still refusing. <paramref name="probeAt"/> is when it is tried next.
    /// </summary>
    public async Task<bool> PauseAsync(string destination, string reason, DateTimeOffset probeAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var wasPaused = await SqlCommands.ScalarAsync(
            connection, tx, "SELECT 1 FROM destination_states WHERE destination = $dest AND state = 'paused'", ct, ("$dest", destination)) is not null;
        await SqlCommands.ExecuteAsync(
            connection,
            tx,
            """
            INSERT INTO destination_states (destination, state, reason, since, probes, probe_at) VALUES ($dest, 'paused', $reason, $now, 0, $probe)
            ON CONFLICT (destination) DO UPDATE SET
                reason = excluded.reason,
                probe_at = excluded.probe_at,
                since = CASE WHEN state = 'paused' THEN since ELSE excluded.since END,
                probes = CASE WHEN state = 'paused' THEN probes + 1 ELSE 0 END,
                state = 'paused'
            """,
            ct,
            ("$dest", destination),
            ("$reason", reason),
            ("$now", NoteRows.Time(time.GetUtcNow())),
            ("$probe", NoteRows.Time(probeAt)));
        await tx.CommitAsync(ct);
        return !wasPaused;
    }

    /// <summary>A probe that could not tell (no answer, no way to ask): tried again at <paramref name="probeAt"/>, nothing else changes.</summary>
    public async Task PostponeProbeAsync(string destination, DateTimeOffset probeAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await SqlCommands.ExecuteAsync(
            connection,
            null,
            "UPDATE destination_states SET probe_at = $probe, probes = probes + 1 WHERE destination = $dest AND state = 'paused'",
            ct,
            ("$dest", destination),
            ("$probe", NoteRows.Time(probeAt)));
    }

    /// <summary>The destination takes posts again; returns what it was paused for, or null when it was not paused.</summary>
    public async Task<DestinationStatus?> ResumeAsync(string destination, CancellationToken ct)
    {
        var status = await GetAsync(destination, ct);
        if (!status.Paused)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(ct);
        var changed = await SqlCommands.ExecuteAsync(
            connection, null, "DELETE FROM destination_states WHERE destination = $dest AND state = 'paused'", ct, ("$dest", destination));
        return changed == 1 ? status : null;
    }

    private async Task<IReadOnlyList<DestinationStatus>> ReadAsync(string where, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = SqlCommands.Create(
            connection, null, $"SELECT destination, state, reason, since, probes, probe_at FROM destination_states {where}", parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new List<DestinationStatus>();
        while (await reader.ReadAsync(ct))
        {
            result.Add(new DestinationStatus(
                reader.GetString(0),
                reader.GetString(1) == "paused",
                reader.IsDBNull(2) ? null : reader.GetString(2),
                NoteRows.Time(reader, 3),
                reader.GetInt32(4),
                NoteRows.Time(reader, 5)));
        }

        return result;
    }
}
