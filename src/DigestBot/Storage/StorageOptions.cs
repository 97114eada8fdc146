namespace DigestBot.Storage;

internal sealed class StorageOptions
{
    public const string Section = "Storage";

    public string Path { get; set; } = "data/digestbot.db";

    /// <summary>
    /// <c>Normal</c>: with WAL, a killed process loses nothing committed, and a power cut at most the last commits.
    /// <c>Full</c>: every commit is synced to the disk, so a power cut loses nothing committed either.
    /// </summary>
    public string Synchronous { get; set; } = "Normal";

    /// <summary>When the running bot backs the database up (cron, in <c>Schedule:TimeZone</c>); none when empty.</summary>
    public string? BackupCron { get; set; }

    /// <summary>How many scheduled backups are kept; older ones are deleted after each new one.</summary>
    public int BackupKeep { get; set; } = 7;

    /// <summary>Folder of the scheduled backups; <c>backups</c> beside the database when empty.</summary>
    public string? BackupPath { get; set; }
}
