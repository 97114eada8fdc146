using System.Globalization;
using DigestBot.Web;

namespace DigestBot.Cli;

/// <summary><c>site &lt;folder&gt;</c>: the web archive as static files (see <see cref="SiteExport"/>).</summary>
internal static class SiteVerb
{
    public static async Task<int> RunAsync(string folder, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (File.Exists(folder))
        {
            await stderr.WriteLineAsync($"{folder} is a file. Give a folder to write the archive into; it is created if missing.");
            return 1;
        }

        SiteFiles files;
        try
        {
            files = await services.GetRequiredService<SiteExport>().WriteAsync(folder, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"The archive could not be written to {folder}: {ex.Message} Choose a folder you can write to.");
            return 1;
        }

        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {files.Written} file(s) to {files.Folder}, {files.Unchanged} unchanged{(files.Removed > 0 ? $", {files.Removed} removed (no longer in the archive)" : "")}. Open {Path.Combine(files.Folder, "index.html")}."));
        if (!files.HasFeeds)
        {
            await stdout.WriteLineAsync(
                "No feeds were written: feeds need absolute links. Give the address the files will be served from, " +
                "e.g. --Web:BaseUrl=https://you.github.io/papers/.");
        }

        return 0;
    }
}
