using System.Globalization;
using DigestBot.Storage;

namespace DigestBot.Cli;

/// <summary><c>backup &lt;file&gt; [--force]</c>: a consistent copy of the database, taken while the bot runs or not.</summary>
internal static class BackupVerb
{
    public static async Task<int> RunAsync(string target, bool replace, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var database = services.GetRequiredService<SqliteDatabase>();
        try
        {
            var copy = await services.GetRequiredService<DatabaseBackup>().WriteAsync(target, replace, ct);
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"Backed up {database.FullPath} to {copy.Path}: {copy.Notes} note(s), {copy.Bytes / 1024.0 / 1024.0:0.0} MiB."));
            return 0;
        }
        catch (BackupException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 1;
        }
    }
}
