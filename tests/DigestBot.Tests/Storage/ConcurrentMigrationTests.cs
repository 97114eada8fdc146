using DigestBot.Storage;
using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Storage;

/// <summary>A run and an import (or any two processes) setting up or upgrading one database file at the same moment.</summary>
public sealed class ConcurrentMigrationTests : IDisposable
{
    private const int Rounds = 12;

    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task Two_stores_creating_one_new_database_at_once_both_succeed_and_each_migration_runs_once()
    {
        var alone = folder.File("alone/digestbot.db");
        await using (await Database(alone).OpenAsync(default))
        {
        }

        var expected = await SchemaAsync(alone);
        for (var round = 0; round < Rounds; round++)
        {
            var path = folder.File($"race-{round}/digestbot.db");
            var stores = new[] { Database(path), Database(path) };
            using var barrier = new Barrier(stores.Length);

            // Each on its own thread, released together: both find a new file and both set it up.
            var opening = stores.Select(store => Task.Run(async () =>
            {
                barrier.SignalAndWait();
                await using var connection = await store.OpenAsync(default);
            })).ToArray();
            await Task.WhenAll(opening);

            // A migration run twice fails (a table or column that exists already), so both opening is the proof;
            // the schema is then exactly the one a single store makes.
            Assert.Equal(expected, await SchemaAsync(path));
        }
    }

    [Fact]
    public async Task Two_processes_importing_into_one_new_database_at_once_both_succeed()
    {
        var database = folder.File("data/digestbot.db");
        var first = folder.Write("first.txt", "First paper\n(A)\nAn abstract.\n#race\n");
        var second = folder.Write("second.txt", "Second paper\n(B)\nAnother abstract.\n#race\n");

        await using var one = BotProcess.Start(folder.Path, "import", first, "--db", database);
        await using var two = BotProcess.Start(folder.Path, "import", second, "--db", database);
        var exits = await Task.WhenAll(one.WaitForExitAsync(TimeSpan.FromSeconds(60)), two.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        Assert.True(exits is [0, 0], $"exit codes {string.Join(", ", exits)}\n{one.Stderr}\n{two.Stderr}");
        SqliteConnection.ClearAllPools();
        Assert.Equal((long)SqliteDatabase.Migrations().Max(m => m.Version), await SqliteFile.ScalarAsync(database, "PRAGMA user_version"));
        Assert.Equal(2L, await SqliteFile.ScalarAsync(database, "SELECT COUNT(*) FROM notes"));
    }

    private static SqliteDatabase Database(string path) =>
        new(Options.Create(new StorageOptions { Path = path }), NullLogger<SqliteDatabase>.Instance);

    private static async Task<List<string>> SchemaAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name";
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        command.CommandText = "PRAGMA user_version";
        rows.Add("user_version " + await command.ExecuteScalarAsync());
        return rows;
    }
}
