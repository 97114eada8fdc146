using System.Runtime.Versioning;
using DigestBot.Hosting;
using DigestBot.Storage;
using DigestBot.Tests.Storage;
using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Hosting;

/// <summary><c>Storage:BackupCron</c>: backups taken by the running bot on a schedule, the oldest deleted.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class ScheduledBackupsTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task A_backup_is_taken_at_each_time_in_the_schedule_s_zone_and_only_the_newest_are_kept()
    {
        using var services = Services(new() { ["Storage:BackupCron"] = "30 9 * * *", ["Storage:BackupKeep"] = "3" });
        var store = services.GetRequiredService<NoteStore>();
        var backups = folder.File("data/backups");
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        using var service = ActivatorUtilities.CreateInstance<ScheduledBackups>(services);
        await service.StartAsync(default);

        for (var day = 1; day <= 5; day++)
        {
            await store.ImportAsync([NoteFactory.Paper($"Paper of day {day}")], default);
            await AdvanceUntilAsync(() => Backups(backups).Except(seen).Any(), $"backup {day}");
            seen.UnionWith(Backups(backups));
        }

        await service.StopAsync(default);

        // 09:30 in Seoul is 00:30 UTC, the next day from 08:00 UTC on 1 March.
        Assert.Equal(
            ["digestbot-20260302T003000Z.db", "digestbot-20260303T003000Z.db", "digestbot-20260304T003000Z.db", "digestbot-20260305T003000Z.db", "digestbot-20260306T003000Z.db"],
            seen.Select(Path.GetFileName));
        var kept = Backups(backups);
        Assert.Equal(seen.TakeLast(3), kept);
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(backups));
        var notes = 3L;
        foreach (var copy in kept)
        {
            Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(copy));
            Assert.Equal("ok", await SqliteFile.ScalarAsync(copy, "PRAGMA integrity_check"));
            Assert.Equal(notes++, await SqliteFile.ScalarAsync(copy, "SELECT COUNT(*) FROM notes"));
        }
    }

    [Fact]
    public async Task A_backup_that_fails_is_logged_and_the_next_one_is_tried_as_usual()
    {
        var blocker = folder.Write("not-a-folder", "a file where the backup folder should be");
        using var services = Services(new() { ["Storage:BackupCron"] = "0 * * * *", ["Storage:BackupPath"] = blocker }, logging: true);
        var logs = services.GetFakeLogCollector();
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("A paper")], default);
        using var service = ActivatorUtilities.CreateInstance<ScheduledBackups>(services);
        await service.StartAsync(default);

        await AdvanceUntilAsync(() => Failures(logs).Count >= 2, "two failed backups");
        await service.StopAsync(default);

        Assert.All(Failures(logs), r =>
        {
            Assert.Equal(LogLevel.Error, r.Level);
            Assert.StartsWith($"The scheduled backup to {blocker} failed; the next one is at ", r.Message, StringComparison.Ordinal);
            Assert.IsType<BackupException>(r.Exception);
        });
        Assert.Equal("a file where the backup folder should be", await File.ReadAllTextAsync(blocker));
    }

    [Fact]
    public async Task The_bot_process_takes_scheduled_backups_beside_its_database()
    {
        var database = folder.File("data/digestbot.db");
        var backups = folder.File("data/backups");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var bot = BotProcess.Start(folder.Path,
            "run", "--Urls=http://127.0.0.1:0", $"--Storage:Path={database}", $"--Inbox:Path={folder.File("inbox")}",
            "--Storage:BackupCron=* * * * * *", "--Storage:BackupKeep=2");

        // Once a third backup was taken, the first is gone: two stay.
        await Eventually.TrueAsync(
            () =>
            {
                var now = Backups(backups);
                seen.UnionWith(now);
                return seen.Count >= 3 && now.Count == 2;
            },
            "three backups, two kept",
            TimeSpan.FromSeconds(60));

        Assert.All(seen, name => Assert.Matches(@"/digestbot-\d{8}T\d{6}Z\.db$", name));
    }

    private ServiceProvider Services(Dictionary<string, string?> settings, bool logging = false)
    {
        settings["Schedule:TimeZone"] = "Asia/Seoul";
        return TestServices.Create(folder, settings, time, configure: s =>
        {
            if (logging)
            {
                s.AddFakeLogging();
            }
        });
    }

    /// <summary>Moves the clock on a quarter of an hour at a time, well below the schedule's period, until the condition holds.</summary>
    private async Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        await Eventually.TrueAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                time.Advance(TimeSpan.FromMinutes(15));
                return false;
            },
            what,
            TimeSpan.FromSeconds(60));

    private static List<string> Backups(string backups) =>
        Directory.Exists(backups) ? [.. Directory.GetFiles(backups, "*.db").Order(StringComparer.Ordinal)] : [];

    private static List<FakeLogRecord> Failures(FakeLogCollector logs) =>
        [.. logs.GetSnapshot().Where(r => r.Category == typeof(ScheduledBackups).FullName && r.Level == LogLevel.Error)];
}
