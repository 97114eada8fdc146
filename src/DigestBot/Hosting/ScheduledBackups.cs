using System.Globalization;
using DigestBot.Background;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Hosting;

/// <summary>
/// While the bot runs, backs the database up at each <c>Storage:BackupCron</c> time (read in <c>Schedule:TimeZone</c>)
/// into the backup folder, then deletes all but the newest <c>Storage:BackupKeep</c> of them. A backup that fails is
/// logged and the next one is taken as usual. Times missed while the bot was down are not made up.
/// </summary>
internal sealed class ScheduledBackups(
    DatabaseBackup backup,
    SqliteDatabase database,
    IOptions<StorageOptions> storage,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    ILogger<ScheduledBackups> log) : BackgroundService
{
    // Named by the UTC time of the slot, so that names sort by age: digestbot-20260301T093000Z.db.
    private const string StampFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string StampPattern = "????????T??????Z";

    /// <summary>The folder scheduled backups go to: <c>Storage:BackupPath</c>, else <c>backups</c> beside the database.</summary>
    public string Folder => Path.GetFullPath(storage.Value.BackupPath is { Length: > 0 } chosen
        ? chosen
        : Path.Combine(Path.GetDirectoryName(database.FullPath)!, "backups"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = storage.Value;
        if (string.IsNullOrWhiteSpace(options.BackupCron)
            || !Cron.TryParse(options.BackupCron, out var cron, out _)
            || !Cron.TryFindZone(schedule.Value.TimeZone, out var zone))
        {
            return;
        }

        Log.BackupsScheduled(log, Folder, options.BackupCron, zone.Id, options.BackupKeep);
        while (cron.GetNextOccurrence(time.GetUtcNow(), zone) is { } next)
        {
            while (time.GetUtcNow() < next)
            {
                await Task.Delay(next - time.GetUtcNow(), time, stoppingToken);
            }

            try
            {
                var copy = await backup.WriteAsync(Path.Combine(Folder, Name(next)), replace: true, stoppingToken);
                Log.BackupWritten(log, copy.Path, copy.Notes, copy.Bytes);
                Prune(options.BackupKeep);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.BackupFailed(log, ex, Folder, cron.GetNextOccurrence(next, zone));
            }
        }
    }

    private string Name(DateTimeOffset slot) =>
        $"{Stem}-{slot.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture)}.db";

    private string Stem => Path.GetFileNameWithoutExtension(database.FullPath);

    private void Prune(int keep)
    {
        var old = Directory.GetFiles(Folder, $"{Stem}-{StampPattern}.db")
            .OrderByDescending(f => f, StringComparer.Ordinal)
            .Skip(keep);
        foreach (var file in old)
        {
            File.Delete(file);
            Log.BackupPruned(log, file, keep);
        }
    }
}
