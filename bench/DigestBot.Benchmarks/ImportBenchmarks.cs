using BenchmarkDotNet.Attributes;
using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// Parsing a 10,000-note digest, and importing its file into a fresh SQLite file as the <c>import</c> verb does
/// (reading and checking the file, parsing, and storing the notes with their search index while the rest is parsed).
/// </summary>
[Config(typeof(OneShotConfig))]
public class ImportBenchmarks
{
    public const int Notes = 10_000;

    private string digest = "";
    private string folder = "";
    private string file = "";
    private ServiceProvider? services;
    private NoteImporter? importer;

    [GlobalSetup]
    public void GenerateDigest()
    {
        digest = new CorpusGenerator().Digest(Notes);
    }

    [IterationSetup]
    public void FreshDatabase()
    {
        folder = BenchServices.NewFolder("import");
        file = Path.Combine(folder, "digest.txt");
        File.WriteAllText(file, digest);
        services = BenchServices.Create(Path.Combine(folder, "digestbot.db"));
        importer = services.GetRequiredService<NoteImporter>();
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        services?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public int Parse() => new DigestTextParser().Parse(digest, "digest.txt").Notes.Count;

    [Benchmark]
    public async Task<int> ImportFile()
    {
        var report = await importer!.ImportFileAsync(file, CancellationToken.None);
        return report.Outcome.Queued.Count == Notes ? Notes : throw new InvalidOperationException($"imported {report.Outcome.Queued.Count} of {Notes}");
    }
}
