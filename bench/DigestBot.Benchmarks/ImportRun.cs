using System.Diagnostics;
using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Storage;
using DigestBot.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>import [--notes 10000] [--runs 3] [--program path]</c>: import a generated digest's file into a fresh SQLite file
/// as the <c>import</c> verb does (read, parse, store with the search index while the rest is parsed); prints notes/s.
/// With <c>--program</c> each run is the program's own <c>import</c> verb instead, as a user runs it (a <c>.dll</c> or
/// the native executable), timed from process start to exit: start-up, migrations, parse and import.
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
        if (options.String("program", "") is { Length: > 0 } program)
        {
            return await RunProgramAsync(Path.GetFullPath(program), digest, count, runs);
        }

        for (var run = 1; run <= runs; run++)
        {
            using var scratch = BenchServices.NewRunFolder("import");
            var folder = scratch.Path;
            await using var services = BenchServices.Create(Path.Combine(folder, "digestbot.db"));
            var importer = services.GetRequiredService<NoteImporter>();
            // Opening the file and applying migrations is start-up work, not import work.
            await using (await services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None))
            {
            }

            var file = Path.Combine(folder, "digest.txt");
            await File.WriteAllTextAsync(file, digest);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var total = Stopwatch.StartNew();
            var report = await importer.ImportFileAsync(file, CancellationToken.None);
            total.Stop();
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (report.Outcome.Queued.Count != count)
            {
                Console.Error.WriteLine($"imported {report.Outcome.Queued.Count} of {count} notes");
                return 1;
            }

            Console.WriteLine(
                $"run {run}: read, parse and import {total.Elapsed.TotalMilliseconds:F0} ms → {count / total.Elapsed.TotalSeconds:N0} notes/s " +
                $"(CPU {cpu.TotalMilliseconds:F0} ms → {count / cpu.TotalSeconds:N0} notes per CPU-second) " +
                $"(db {new FileInfo(Path.Combine(folder, "digestbot.db")).Length / 1024.0 / 1024.0 + WalSize(folder):F1} MiB)");
        }

        return 0;
    }

    private static async Task<int> RunProgramAsync(string program, string digest, int count, int runs)
    {
        Console.WriteLine($"program: {program}");
        for (var run = 1; run <= runs; run++)
        {
            using var scratch = BenchServices.NewRunFolder("import");
            var folder = scratch.Path;
            var file = Path.Combine(folder, "digest.txt");
            await File.WriteAllTextAsync(file, digest);
            var database = Path.Combine(folder, "digestbot.db");
            var info = BuiltProgram.StartInfo(program, ["import", file, $"--Storage:Path={database}", "--Logging:LogLevel:Default=Warning"]);
            info.WorkingDirectory = folder;
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
            var total = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {program}");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            total.Stop();
            var stored = CountNotes(database);
            if (process.ExitCode != 0 || stored != count)
            {
                Console.Error.WriteLine($"exit code {process.ExitCode}, {stored} of {count} notes stored\n{await output}{await errors}");
                return 1;
            }

            Console.WriteLine(
                $"run {run}: whole process {total.Elapsed.TotalMilliseconds:F0} ms → {count / total.Elapsed.TotalSeconds:N0} notes/s; " +
                $"it said: {(await output).Trim()}");
        }

        return 0;
    }

    private static long CountNotes(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM notes";
        var count = (long)command.ExecuteScalar()!;
        SqliteConnection.ClearPool(connection);
        return count;
    }

    private static double WalSize(string folder)
    {
        var wal = new FileInfo(Path.Combine(folder, "digestbot.db-wal"));
        return wal.Exists ? wal.Length / 1024.0 / 1024.0 : 0;
    }
}
