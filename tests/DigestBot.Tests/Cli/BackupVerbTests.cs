using System.Runtime.Versioning;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Publishing;
using DigestBot.Tests.Storage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DigestBot.Tests.Cli;

/// <summary><c>backup</c> as an operator runs it: beside a running bot that is posting, and with the wrong arguments.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class BackupVerbTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int NoteCount = 30;

    // Posts go out only while the test releases them.
    private TelegramProcessSetup setup = null!;

    public async Task InitializeAsync() => setup = await TelegramProcessSetup.StartAsync();

    public async Task DisposeAsync() => await setup.DisposeAsync();

    [Fact]
    public async Task A_backup_taken_while_run_posts_passes_the_integrity_check_and_has_every_note()
    {
        await ImportAsync();
        await using var bot = BotProcess.Start(setup.Folder.Path, setup.RunArgs(
            "@backup_channel",
            "--Schedule:Cron=* * * * * *",
            $"--Schedule:NotesPerSlot={NoteCount}",
            "--Telegram:Pacing:PerChatInterval=00:00:00.001",
            "--Telegram:Pacing:GroupMessagesPerWindow=1000",
            "--Telegram:Pacing:GlobalMessagesPerWindow=1000"));

        // Let a few posts through, then keep them flowing while two backups are taken.
        await setup.Held.ReleaseUntilAsync(() => setup.Telegram.SentMessages.Count >= 3, "three posts");
        using var stopPumping = new CancellationTokenSource();
        var pump = setup.Held.ReleaseUntilAsync(() => stopPumping.IsCancellationRequested || setup.Telegram.SentMessages.Count == NoteCount, "the pump to stop", TimeSpan.FromMilliseconds(100));
        var copies = new List<(string Path, int SentBefore, int SentAfter)>();
        for (var i = 1; i <= 2; i++)
        {
            var copy = setup.Folder.File($"backups/copy-{i}.db");
            var before = setup.Telegram.SentMessages.Count;
            var result = await ProgramProcess.RunAsync(setup.Folder.Path, "backup", copy, "--db", setup.Database);
            Assert.True(result.ExitCode == 0, result.Errors);
            Assert.StartsWith($"Backed up {setup.Database} to {copy}: {NoteCount} note(s),", result.Output, StringComparison.Ordinal);
            copies.Add((copy, before, setup.Telegram.SentMessages.Count));
        }

        await stopPumping.CancelAsync();
        await pump;
        output.WriteLine(string.Join("; ", copies.Select(c => $"{Path.GetFileName(c.Path)}: {c.SentBefore} posts before, {c.SentAfter} after")));
        // The first backup ran while the bot, holding its posting lock, still had most of the queue to post.
        Assert.True(copies[0].SentBefore < NoteCount / 2, $"{copies[0].SentBefore} of {NoteCount} posted before the first backup");
        foreach (var (copy, sentBefore, sentAfter) in copies)
        {
            Assert.Equal("ok", await SqliteFile.ScalarAsync(copy, "PRAGMA integrity_check"));
            Assert.Equal((long)NoteCount, await SqliteFile.ScalarAsync(copy, "SELECT COUNT(*) FROM notes"));
            Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(copy));

            // The copy is one moment of the database: every delivery it calls sent has its message, and it holds at
            // least the posts recorded before the backup started and no more than were accepted by its end.
            var sent = (long)(await SqliteFile.ScalarAsync(copy, "SELECT COUNT(*) FROM deliveries WHERE state = 'sent'"))!;
            Assert.Equal(0L, await SqliteFile.ScalarAsync(copy, "SELECT COUNT(*) FROM deliveries WHERE state = 'sent' AND message_ids = '[]'"));
            Assert.InRange(sent, Math.Max(0, sentBefore - 1), sentAfter);
        }

        // The bot posted on, untroubled: every note went out once.
        await setup.Held.ReleaseUntilAsync(() => setup.Telegram.SentMessages.Count == NoteCount, "every post");
        Assert.Equal(NoteCount, setup.Telegram.SentMessages.Select(m => m.Text).Distinct().Count());
    }

    [Fact]
    public async Task An_existing_file_is_replaced_only_with_force()
    {
        await ImportAsync();
        var copy = setup.Folder.Write("copy.db", "an earlier copy, or anything else");

        var refused = await ProgramProcess.RunAsync(setup.Folder.Path, "backup", copy, "--db", setup.Database);
        var forced = await ProgramProcess.RunAsync(setup.Folder.Path, "backup", copy, "--force", "--db", setup.Database);

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"'{copy}' exists already, and backup does not replace a file unless --force is given. Choose another name, or add --force.", refused.Errors.Trim());
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal((long)NoteCount, await SqliteFile.ScalarAsync(copy, "SELECT COUNT(*) FROM notes"));
        Assert.Empty(Directory.GetFiles(setup.Folder.Path, "*.partial"));
    }

    [Fact]
    public async Task A_missing_database_is_named_and_not_created_and_the_database_itself_is_never_the_target()
    {
        var missing = setup.Folder.File("data/nothing-here.db");
        await ImportAsync();

        var noDatabase = await ProgramProcess.RunAsync(setup.Folder.Path, "backup", setup.Folder.File("copy.db"), "--db", missing);
        var ontoItself = await ProgramProcess.RunAsync(setup.Folder.Path, "backup", setup.Database, "--force", "--db", setup.Database);

        Assert.Equal(1, noDatabase.ExitCode);
        Assert.Equal($"There is no database at '{missing}'. Name the bot's database with --db or Storage:Path.", noDatabase.Errors.Trim());
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(setup.Folder.File("copy.db")));
        Assert.Equal(1, ontoItself.ExitCode);
        Assert.Contains("is the database itself", ontoItself.Errors, StringComparison.Ordinal);
        Assert.Equal((long)NoteCount, await SqliteFile.ScalarAsync(setup.Database, "SELECT COUNT(*) FROM notes"));
    }

    private async Task ImportAsync()
    {
        var notes = string.Concat(Enumerable.Range(1, NoteCount).Select(i => $"Backup test paper {i:00}\nAn abstract about paper {i}.\n#backup_test\n\n"));
        var result = await ProgramProcess.RunAsync(setup.Folder.Path, "import", setup.Folder.Write("notes/backup.txt", notes), "--db", setup.Database);
        Assert.Equal(0, result.ExitCode);
    }
}
