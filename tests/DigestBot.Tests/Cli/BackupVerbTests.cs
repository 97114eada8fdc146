using System.Runtime.Versioning;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace DigestBot.Tests.Cli;

/// <summary><c>backup</c> as an operator runs it: beside a running bot that is posting, and with the wrong arguments.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BackupVerbTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NoteCount = 30;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Each sendMessage waits this long in the fake's own clock, which the test moves: posts go out only while it pumps.
    private static readonly TimeSpan SendLatency = TimeSpan.FromSeconds(1);

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider telegramClock = new();
    private FakeTelegramServer fake = null!;

    private string Database => folder.File("data/digestbot.db");

    public async Task InitializeAsync() =>
        fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(telegramClock, SendLatency));

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task A_backup_taken_while_run_posts_passes_the_integrity_check_and_has_every_note()
    {
        await ImportAsync();
        await using var bot = BotProcess.Start(folder.Path,
        [
            "run",
            "--Urls=http://127.0.0.1:0",
            $"--Storage:Path={Database}",
            $"--Inbox:Path={folder.File("inbox")}",
            $"--Telegram:BotToken={fake.Token}",
            $"--Telegram:ApiBaseUrl={fake.BaseUrl}",
            "--Telegram:Channel=@backup_channel",
            "--Schedule:Cron=* * * * * *",
            $"--Schedule:NotesPerSlot={NoteCount}",
            "--Telegram:Pacing:PerChatInterval=00:00:00.001",
            "--Telegram:Pacing:GroupMessagesPerWindow=1000",
            "--Telegram:Pacing:GlobalMessagesPerWindow=1000",
        ]);

        // Let a few posts through, then keep them flowing while two backups are taken.
        await PumpUntilAsync(() => fake.SentMessages.Count >= 3, "three posts");
        using var stopPumping = new CancellationTokenSource();
        var pump = PumpUntilAsync(() => stopPumping.IsCancellationRequested || fake.SentMessages.Count == NoteCount, "the pump to stop", TimeSpan.FromMilliseconds(100));
        var copies = new List<(string Path, int SentBefore, int SentAfter)>();
        for (var i = 1; i <= 2; i++)
        {
            var copy = folder.File($"backups/copy-{i}.db");
            var before = fake.SentMessages.Count;
            var result = await ProgramProcess.RunAsync(folder.Path, "backup", copy, "--db", Database);
            Assert.True(result.ExitCode == 0, result.Errors);
            Assert.StartsWith($"Backed up {Database} to {copy}: {NoteCount} note(s),", result.Output, StringComparison.Ordinal);
            copies.Add((copy, before, fake.SentMessages.Count));
        }

        await stopPumping.CancelAsync();
        await pump;
        output.WriteLine(string.Join("; ", copies.Select(c => $"{Path.GetFileName(c.Path)}: {c.SentBefore} posts before, {c.SentAfter} after")));
        // The first backup ran while the bot, holding its posting lock, still had most of the queue to post.
        Assert.True(copies[0].SentBefore < NoteCount / 2, $"{copies[0].SentBefore} of {NoteCount} posted before the first backup");
        foreach (var (copy, sentBefore, sentAfter) in copies)
        {
            Assert.Equal("ok", await ScalarAsync(copy, "PRAGMA integrity_check"));
            Assert.Equal((long)NoteCount, await ScalarAsync(copy, "SELECT COUNT(*) FROM notes"));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(copy));

            // The copy is one moment of the database: every delivery it calls sent has its message, and it holds at
            // least the posts recorded before the backup started and no more than were accepted by its end.
            var sent = (long)(await ScalarAsync(copy, "SELECT COUNT(*) FROM deliveries WHERE state = 'sent'"))!;
            Assert.Equal(0L, await ScalarAsync(copy, "SELECT COUNT(*) FROM deliveries WHERE state = 'sent' AND message_ids = '[]'"));
            Assert.InRange(sent, Math.Max(0, sentBefore - 1), sentAfter);
        }

        // The bot posted on, untroubled: every note went out once.
        await PumpUntilAsync(() => fake.SentMessages.Count == NoteCount, "every post");
        Assert.Equal(NoteCount, fake.SentMessages.Select(m => m.Text).Distinct().Count());
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_with_force()
    {
        await ImportAsync();
        var copy = folder.Write("copy.db", "an earlier copy, or anything else");

        var refused = await ProgramProcess.RunAsync(folder.Path, "backup", copy, "--db", Database);
        var forced = await ProgramProcess.RunAsync(folder.Path, "backup", copy, "--force", "--db", Database);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"'{copy}' exists already, and backup does not replace a file unless --force is given. Choose another name, or add --force.", refused.Errors.Trim());
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal((long)NoteCount, await ScalarAsync(copy, "SELECT COUNT(*) FROM notes"));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.partial"));
    }

    [Fact]
    public async Task A_missing_database_is_named_and_not_created_and_the_database_itself_is_never_the_target()
    {
        var missing = folder.File("data/nothing-here.db");
        await ImportAsync();

        var noDatabase = await ProgramProcess.RunAsync(folder.Path, "backup", folder.File("copy.db"), "--db", missing);
        var ontoItself = await ProgramProcess.RunAsync(folder.Path, "backup", Database, "--force", "--db", Database);

        Assert.Equal(1, noDatabase.ExitCode);
        Assert.Equal($"There is no database at '{missing}'. Name the bot's database with --db or Storage:Path.", noDatabase.Errors.Trim());
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(folder.File("copy.db")));
        Assert.Equal(1, ontoItself.ExitCode);
        Assert.Contains("is the database itself", ontoItself.Errors, StringComparison.Ordinal);
        Assert.Equal((long)NoteCount, await ScalarAsync(Database, "SELECT COUNT(*) FROM notes"));
    }

    private async Task ImportAsync()
    {
        var notes = string.Concat(Enumerable.Range(1, NoteCount).Select(i => $"Backup test paper {i:00}\nAn abstract about paper {i}.\n#backup_test\n\n"));
        var result = await ProgramProcess.RunAsync(folder.Path, "import", folder.Write("notes/backup.txt", notes), "--db", Database);
        Assert.Equal(0, result.ExitCode);
    }

    /// <summary>Moves the fake Telegram's clock on until the condition holds, letting the sends waiting on it answer.</summary>
    private async Task PumpUntilAsync(Func<bool> condition, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; {fake.SentMessages.Count} posts so far.");
            }

            telegramClock.Advance(SendLatency);
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(10));
        }
    }

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
