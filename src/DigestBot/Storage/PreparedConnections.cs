using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Connections kept open with their statements prepared, for the lookups chat commands make many times a second.
/// Preparing a lookup's SQL anew took SQLite longer than running it.
/// </summary>
internal sealed class PreparedConnections(SqliteDatabase database) : IDisposable
{
    private const int MostIdle = 8;

    private readonly ConcurrentBag<PreparedConnection> idle = [];
    private volatile bool disposed;

    public async Task<PreparedConnection> RentAsync(CancellationToken ct) =>
        idle.TryTake(out var kept) ? kept : new PreparedConnection(this, await database.OpenAsync(ct));

    internal void Return(PreparedConnection connection)
    {
        if (disposed || idle.Count >= MostIdle)
        {
            connection.Close();
            return;
        }

        idle.Add(connection);
        if (disposed)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var connection))
        {
            connection.Close();
        }
    }
}

/// <summary>
/// One rented connection: <see cref="Command"/> gives the same prepared command for the same SQL each time. A
/// <c>LIMIT</c> or <c>OFFSET</c> of a bare parameter makes SQLite prepare the statement again whenever the parameter is
/// bound (its planner reads the value), and Microsoft.Data.Sqlite binds every run, so kept statements write
/// <c>LIMIT $n + 0</c>.
/// </summary>
internal sealed class PreparedConnection(PreparedConnections owner, SqliteConnection connection) : IAsyncDisposable
{
    // Only fixed SQL texts come here, so the cache stays small; this bounds it should that change.
    private const int MostStatements = 32;

    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    /// <summary>For a statement whose text changes from call to call: the caller creates the command and disposes it.</summary>
    public SqliteConnection Connection => connection;

    /// <summary>The command for <paramref name="sql"/>, prepared on first use, with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (commands.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }

        if (commands.Count >= MostStatements)
        {
            ClearCommands();
        }

        command = connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
        commands[sql] = command;
        return command;
    }

    public ValueTask DisposeAsync()
    {
        owner.Return(this);
        return ValueTask.CompletedTask;
    }

    internal void Close()
    {
        ClearCommands();
        connection.Dispose();
    }

    private void ClearCommands()
    {
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        commands.Clear();
    }
}
