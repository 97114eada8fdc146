using System.Diagnostics;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// A database of many generated notes, built once through the real import path and cached in the temp folder
/// under the corpus version and size, so reruns start at once. All but one note in a hundred are marked posted
/// to the channel (as the publisher would have recorded them), so lookups see what a reader would.
/// </summary>
internal static class LargeStore
{
    public const int BatchSize = 10_000;
    public const string Channel = "telegram:@digest_channel";

    public static string PathFor(int notes) =>
        Path.Combine(Path.GetTempPath(), "digestbot-bench", $"store-v{CorpusGenerator.Version}-schema{SchemaVersion()}-{notes}.db");

    /// <summary>The cached database with <paramref name="notes"/> notes, built first if missing.</summary>
    public static async Task<string> EnsureAsync(int notes, TextWriter? log = null)
    {
        var path = PathFor(notes);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        foreach (var stale in new[] { building, building + "-wal", building + "-shm" })
        {
            File.Delete(stale);
        }

        var watch = Stopwatch.StartNew();
        await using (var services = BenchServices.Create(building))
        {
            var store = services.GetRequiredService<NoteStore>();
            var generator = new CorpusGenerator();
            for (var first = 0; first < notes; first += BatchSize)
            {
                var batch = generator.Notes(Math.Min(BatchSize, notes - first), first);
                await store.ImportAsync(batch, CancellationToken.None);
                log?.WriteLine($"  {first + batch.Count:N0} notes stored ({watch.Elapsed.TotalSeconds:F1} s)");
            }

            await MarkPostedAsync(building);
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        log?.WriteLine($"  built {path} in {watch.Elapsed.TotalSeconds:F1} s");
        return path;
    }

    /// <summary>What the publisher would have recorded after posting: taken, one sent delivery, a permalink, the posted time.</summary>
    private static async Task MarkPostedAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"""
            UPDATE notes SET taken_at = strftime('%Y-%m-%dT%H:%M:%fZ', '2024-01-01', '+' || id || ' minutes') WHERE id % 100 != 0;
            INSERT INTO deliveries (note_id, destination, state, parts_sent, message_ids, permalink, attempts, created_at, updated_at, sent_at)
            SELECT id, '{Channel}', 'sent', 1, '["' || id || '"]', 'https://t.me/digest_channel/' || id, 1, taken_at, taken_at, taken_at
            FROM notes WHERE taken_at IS NOT NULL;
            UPDATE notes SET posted_at = taken_at WHERE taken_at IS NOT NULL;
            UPDATE note_tags SET posted_at = (SELECT posted_at FROM notes WHERE id = note_tags.note_id);
            """;
        await command.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }

    /// <summary>Schema changes (new migrations or indexes) invalidate the cache.</summary>
    private static int SchemaVersion() =>
        SqliteDatabase.Migrations().Aggregate(17, (hash, m) => unchecked(hash * 31 + m.Version * 7919 + m.Sql.Length)) & 0x7FFFFFFF;
}
