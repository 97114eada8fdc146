using DigestBot.Background;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Rejects storage settings at start with a sentence naming the key and the value.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public const int MostBackupsKept = 1000;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            failures.Add("Storage:Path is empty. Set it to a database file path, e.g. data/digestbot.db.");
        }

        if (SqliteSynchronous.Parse(options.Synchronous) is null)
        {
            failures.Add($"Storage:Synchronous '{options.Synchronous}' must be Normal (the default) or Full (every commit synced to the disk, for power-loss safety).");
        }

        if (!string.IsNullOrWhiteSpace(options.BackupCron) && !Cron.TryParse(options.BackupCron, out _, out var cronError))
        {
            failures.Add($"Storage:BackupCron '{options.BackupCron}' is not a cron expression ({cronError}). Use 5 fields like '30 9 * * *', or leave it empty for no scheduled backups.");
        }

        if (options.BackupKeep is < 1 or > MostBackupsKept)
        {
            failures.Add($"Storage:BackupKeep '{options.BackupKeep}' must be between 1 and {MostBackupsKept} (how many scheduled backups are kept).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
