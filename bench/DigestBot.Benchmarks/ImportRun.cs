using System.Diagnostics;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>import [--notes 10000] [--runs 3]</c>: parse a generated digest and import it into a fresh SQLite file
/// (search index included: NoteWriter writes it before the commit), timing each phase; prints notes/s.
/// </summary>
internal static class ImportRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var count = options.Int("notes", ImportBenchmarks.Notes);
        var runs = options.Int("runs", 3);
        var digest = new CorpusGenerator().Digest(count);
        Console.WriteLine($"digest: {count:N0} notes, {digest.Length / 1024.0 / 1024.0:F1} MiB of text");
        for (var run = 1; run <= runs; run++)
        {
            var folder = BenchServices.NewFolder("import");
            try
            {
                await using var services = BenchServices.Create(Path.Combine(folder, "digestbot.db"));
                var importer = services.GetRequiredService<NoteImporter>();
                // Opening the file and applying migrations is start-up work, not import work.
                await using (await services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None))
                {
                }

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var total = Stopwatch.StartNew();
                var parsed = new DigestTextParser().Parse(digest, "digest.txt");
                var parse = total.Elapsed;
                var report = await importer.ImportParsedAsync("digest.txt", parsed, CancellationToken.None);
                total.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                if (report.Outcome.Queued.Count != count)
                {
                    Console.Error.WriteLine($"imported {report.Outcome.Queued.Count} of {count} notes");
                    return 1;
                }

                Console.WriteLine(
                    $"run {run}: parse {parse.TotalMilliseconds:F0} ms, import {(total.Elapsed - parse).TotalMilliseconds:F0} ms, " +
                    $"total {total.Elapsed.TotalMilliseconds:F0} ms → {count / total.Elapsed.TotalSeconds:N0} notes/s " +
                    $"(CPU {cpu.TotalMilliseconds:F0} ms → {count / cpu.TotalSeconds:N0} notes per CPU-second) " +
                    $"(db {new FileInfo(Path.Combine(folder, "digestbot.db")).Length / 1024.0 / 1024.0 + WalSize(folder):F1} MiB)");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static double WalSize(string folder)
    {
        var wal = new FileInfo(Path.Combine(folder, "digestbot.db-wal"));
        return wal.Exists ? wal.Length / 1024.0 / 1024.0 : 0;
    }
}
