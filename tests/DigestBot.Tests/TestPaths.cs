namespace DigestBot.Tests;

/// <summary>Finds the repository and the shared samples from wherever the test runner put the binaries.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DigestBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no DigestBot.sln above {AppContext.BaseDirectory}");
    });

    private static readonly Lazy<string?> SharedSamplesLazy = new(() =>
    {
        var besideRepo = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "samples"));
        if (Directory.Exists(besideRepo))
        {
            return besideRepo;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    });

    /// <summary>The folder holding DigestBot.sln.</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The curators' real sample files, when this checkout has shared/ beside it.</summary>
    public static string? SharedSamples => SharedSamplesLazy.Value;

    public static string NoteFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Notes", name);
}
