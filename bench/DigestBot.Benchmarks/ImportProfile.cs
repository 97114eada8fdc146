using System.Diagnostics;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>import-profile [--notes 10000]</c>: where an import's time goes, by taking one part away at a time:
/// the same inserts as <see cref="NoteStore.ImportAsync"/> with and without the FTS trigger, and the read-back.
/// </summary>
internal static class ImportProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = new VerbArguments(args).Int("notes", ImportBenchmarks.Notes);
        var notes = new CorpusGenerator().Notes(count);
        foreach (var variant in new[] { "as shipped", "no FTS trigger", "FTS automerge 0" })
        {
            var folder = BenchServices.NewFolder("profile");
            try
            {
                await using var services = BenchServices.Create(Path.Combine(folder, "digestbot.db"));
                var database = services.GetRequiredService<SqliteDatabase>();
                await using var connection = await database.OpenAsync(CancellationToken.None);
                if (variant == "no FTS trigger")
                {
                    await ExecAsync(connection, "DROP TRIGGER notes_fts_insert;");
                }
                else if (variant == "FTS automerge 0")
                {
                    await ExecAsync(connection, "INSERT INTO notes_fts (notes_fts, rank) VALUES ('automerge', 0);");
                }

                var watch = Stopwatch.StartNew();
                var ids = new List<long>();
                var lookup = TimeSpan.Zero;
                await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
                {
                    foreach (var note in notes)
                    {
                        var key = NoteKey.For(note);
                        var before = watch.Elapsed;
                        await NoteStore.FindIdByKeyAsync(connection, tx, key, CancellationToken.None);
                        lookup += watch.Elapsed - before;
                        ids.Add(await NoteStore.InsertAsync(connection, tx, note, key, "2026-01-01T00:00:00Z", CancellationToken.None));
                    }

                    var inserted = watch.Elapsed;
                    await tx.CommitAsync();
                    var committed = watch.Elapsed;
                    var back = await NoteStore.SelectAsync(connection, $"n.id IN ({string.Join(',', ids)})", "n.queue_position", [], CancellationToken.None);
                    Console.WriteLine(
                        $"{variant,-22}: key lookups {lookup.TotalMilliseconds,6:F0} ms, inserts {(inserted - lookup).TotalMilliseconds,6:F0} ms, " +
                        $"commit {(committed - inserted).TotalMilliseconds,5:F0} ms, read back {back.Count} in {(watch.Elapsed - committed).TotalMilliseconds,5:F0} ms " +
                        $"→ {count / watch.Elapsed.TotalSeconds:N0} notes/s");
                }
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
