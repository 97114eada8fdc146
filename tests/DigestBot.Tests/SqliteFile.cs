using Microsoft.Data.Sqlite;

namespace DigestBot.Tests;

/// <summary>Reads a database file directly, read-only and unpooled, as an operator's tool would: no DigestBot code in between.</summary>
internal static class SqliteFile
{
    public static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode = SqliteOpenMode.ReadOnly)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
