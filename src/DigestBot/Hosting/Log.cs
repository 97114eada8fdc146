using Microsoft.Extensions.Logging;

namespace DigestBot.Hosting;

internal static partial class Log
{
    [LoggerMessage(3, LogLevel.Information, "Backing the database up to {Folder} at '{Cron}' ({Zone}), keeping the newest {Keep}")]
    public static partial void BackupsScheduled(ILogger logger, string folder, string cron, string zone, int keep);

    [LoggerMessage(4, LogLevel.Information, "Backed the database up to {Path} ({Notes} notes, {Bytes} bytes)")]
    public static partial void BackupWritten(ILogger logger, string path, long notes, long bytes);

    [LoggerMessage(5, LogLevel.Error, "The scheduled backup to {Folder} failed; the next one is at {Next}")]
    public static partial void BackupFailed(ILogger logger, Exception exception, string folder, DateTimeOffset? next);

    [LoggerMessage(6, LogLevel.Information, "Deleted the old backup {Path} (Storage:BackupKeep is {Keep})")]
    public static partial void BackupPruned(ILogger logger, string path, int keep);
}
