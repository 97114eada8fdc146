using DigestBot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>The program's own service composition over a given database file, as the command-line verbs build it.</summary>
internal static class BenchServices
{
    public static ServiceProvider Create(string databasePath, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = databasePath,
                ["Inbox:Path"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "inbox"),
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDigestBot(configuration, forCommand: true);
        return services.BuildServiceProvider();
    }

    /// <summary>A fresh folder for one run, deleted on dispose, once SQLite's pooled connections have let go of its files.</summary>
    public static RunFolder NewRunFolder(string purpose) => new(NewFolder(purpose));

    /// <summary>A fresh folder under the system temp folder for one run's database files.</summary>
    public static string NewFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "digestbot-bench", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}

/// <summary>See <see cref="BenchServices.NewRunFolder"/>.</summary>
internal sealed class RunFolder(string path) : IDisposable
{
    public string Path => path;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(path, recursive: true);
    }
}
