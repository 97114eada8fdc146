using System.Diagnostics;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>import-profile [--notes 10000]</c>: where an import's time goes, by taking one part away at a time:
/// the same inserts as <see cref="NoteStore.ImportAsync"/> with the search index as shipped, without it, and with its
/// FTS5 options changed one at a time; and the read-back.
/// </summary>
internal static class ImportProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var count = options.Int("notes", ImportBenchmarks.Notes);
        var only = options.Positional(0);
        var notes = new CorpusGenerator().Notes(count);
        foreach (var (variant, setup) in Variants.Where(v => only is null || v.Name.Contains(only, StringComparison.Ordinal)))
        {
            using var scratch = BenchServices.NewRunFolder("profile");
            var folder = scratch.Path;
            await using var services = BenchServices.Create(Path.Combine(folder, "digestbot.db"));
            var database = services.GetRequiredService<SqliteDatabase>();
            await using var connection = await database.OpenAsync(CancellationToken.None);
            if (setup.Length > 0)
            {
                await ExecAsync(connection, setup);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var ids = new List<long>();
            var lookup = TimeSpan.Zero;
            await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
            {
                var inserted = TimeSpan.Zero;
                await using (var writer = new NoteWriter(connection, tx))
                {
                    foreach (var note in notes)
                    {
                        var key = NoteKey.For(note);
                        var before = watch.Elapsed;
                        await writer.FindIdByKeyAsync(key, CancellationToken.None);
                        lookup += watch.Elapsed - before;
                        ids.Add((await writer.InsertAsync(note, key, "2026-01-01T00:00:00Z", CancellationToken.None)).Id);
                    }

                    inserted = watch.Elapsed;
                    await writer.CommitAsync(CancellationToken.None);
                }

                var committed = watch.Elapsed;
                var back = await NoteStore.SelectAsync(connection, $"n.id IN ({string.Join(',', ids)})", "n.queue_position", [], CancellationToken.None);
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var size = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;
                Console.WriteLine(
                    $"{variant,-24}: key lookups {lookup.TotalMilliseconds,6:F0} ms, inserts {(inserted - lookup).TotalMilliseconds,6:F0} ms, " +
                    $"index and commit {(committed - inserted).TotalMilliseconds,5:F0} ms, read back {back.Count} in {(watch.Elapsed - committed).TotalMilliseconds,5:F0} ms " +
                    $"→ {count / watch.Elapsed.TotalSeconds:N0} notes/s, {count / cpu.TotalSeconds:N0} per CPU-second, {size:F1} MiB");
            }
        }

        return 0;
    }

    /// <summary>
    /// The shipped index (migrations 0006 and 0007, written by <see cref="NoteWriter"/>) against one change at a time.
    /// The first row pays for the JIT, so the shipped index is timed again after it.
    /// </summary>
    private static readonly (string Name, string Setup)[] Variants =
    [
        ("warm-up (JIT)", ""),
        ("as shipped", ""),
        ("no search index", Discard),
        ("index by trigger", "ALTER TABLE note_words RENAME TO note_words_fts; " + Discard +
            " CREATE TRIGGER t AFTER INSERT ON notes BEGIN INSERT INTO note_words_fts (rowid, title, abstract, commentary) VALUES (new.id, search_text(new.title), search_text(new.abstract), search_text(new.commentary)); END;"),
        ("no contentless_delete", Replace("content = ''")),
        ("detail=column", Replace("content = '', contentless_delete = 1, detail = column")),
        ("detail=none", Replace("content = '', contentless_delete = 1, detail = none")),
        ("page cache 64 MiB", "PRAGMA cache_size = -65536;"),
        ("page_size 4096 (before fix 16)", "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM; PRAGMA journal_mode = WAL;"),
        ("page_size 16384", "PRAGMA journal_mode = DELETE; PRAGMA page_size = 16384; VACUUM; PRAGMA journal_mode = WAL;"),
        ("automerge 4 (default)", "INSERT INTO note_words (note_words, rank) VALUES ('automerge', 4);"),
        ("pgsz 16000", "INSERT INTO note_words (note_words, rank) VALUES ('pgsz', 16000);"),
        ("remove_diacritics 2 (before fix 16)", Replace("content = '', contentless_delete = 1", "unicode61 remove_diacritics 2")),
        ("hashsize 16 MiB", "INSERT INTO note_words (note_words, rank) VALUES ('hashsize', 16777216);"),
    ];

    /// <summary>A view in place of the index that drops what NoteWriter writes to it.</summary>
    private const string Discard =
        "DROP TABLE IF EXISTS note_words; CREATE VIEW note_words (rowid, title, abstract, commentary) AS SELECT 0, '', '', ''; " +
        "CREATE TRIGGER note_words_discard INSTEAD OF INSERT ON note_words BEGIN SELECT 1; END;";

    private static string Replace(string options, string tokenizer = "unicode61 remove_diacritics 0") =>
        $"DROP TABLE note_words; CREATE VIRTUAL TABLE note_words USING fts5 (title, abstract, commentary, {options}, tokenize = '{tokenizer}'); INSERT INTO note_words (note_words, rank) VALUES ('automerge', 0);";

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
