using BenchmarkDotNet.Attributes;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>Parsing a 10,000-note digest, and parsing plus importing it into a fresh SQLite file (search index included).</summary>
[Config(typeof(OneShotConfig))]
public class ImportBenchmarks
{
    public const int Notes = 10_000;

    private string digest = "";
    private string folder = "";
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
    public async Task<int> ParseAndImport()
    {
        var parsed = new DigestTextParser().Parse(digest, "digest.txt");
        var report = await importer!.ImportParsedAsync("digest.txt", parsed, CancellationToken.None);
        return report.Outcome.Queued.Count;
    }
}
