using DigestBot.Alerts;
using DigestBot.Importing;
using DigestBot.Inbox;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Inbox;

public sealed class InboxWatcherTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly ServiceProvider services;
    private readonly InboxWatcher watcher;

    public InboxWatcherTests()
    {
        services = TestServices.Create(folder);
        watcher = new InboxWatcher(
            services.GetRequiredService<IOptions<InboxOptions>>(),
            services.GetRequiredService<NoteImporter>(),
            services.GetRequiredService<CuratorAlerts>(),
            services.GetRequiredService<TimeProvider>(),
            NullLogger<InboxWatcher>.Instance);
        Directory.CreateDirectory(Inbox);
    }

    private string Inbox => folder.File("inbox");

    public void Dispose()
    {
        watcher.Dispose();
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task A_file_is_imported_only_once_it_stopped_changing_between_two_looks()
    {
        var path = folder.Write("inbox/day.txt", "Paper one\n(A)\nAbs.\n#x\n");

        await watcher.ScanAsync(Inbox, default);
        Assert.True(File.Exists(path), "a file seen for the first time may still be being written");

        File.AppendAllText(path, "Paper two\n(B)\nAbs.\n#y\n");
        await watcher.ScanAsync(Inbox, default);
        Assert.True(File.Exists(path), "a file that changed since the last look may still be being written");

        await watcher.ScanAsync(Inbox, default);
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(folder.File("inbox/imported/day.txt")));
        var queued = await services.GetRequiredService<NoteStore>().QueuedAsync(default);
        Assert.Equal(["Paper one", "Paper two"], queued.Select(n => n.Note.Title));
    }

    [Fact]
    public async Task A_rejected_note_moves_the_file_to_failed_with_its_errors_and_the_good_notes_are_queued()
    {
        folder.Write("inbox/mixed.txt", "Good paper\n(A)\nAbs.\n#x\n#stray\n");

        await watcher.ScanAsync(Inbox, default);
        await watcher.ScanAsync(Inbox, default);

        var errors = await File.ReadAllLinesAsync(folder.File("inbox/failed/mixed.txt.errors.txt"));
        Assert.StartsWith("mixed.txt:5: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("other 1 note(s) of this file were queued", errors[^1], StringComparison.Ordinal);
        Assert.Equal(["Good paper"], (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title));
        Assert.True(services.GetRequiredService<CuratorAlerts>().Queued.TryRead(out var alert));
        Assert.StartsWith("The inbox file mixed.txt was moved to failed/mixed.txt: mixed.txt:5: ", alert.What, StringComparison.Ordinal);
        Assert.Contains("mixed.txt.errors.txt", alert.ToDo, StringComparison.Ordinal);
        Assert.False(services.GetRequiredService<CuratorAlerts>().Queued.TryRead(out _));
    }

    [Fact]
    public async Task Files_being_written_by_editors_and_copy_tools_are_left_alone()
    {
        folder.Write("inbox/.day.txt.swp", "x");
        folder.Write("inbox/day.txt.part", "x");
        folder.Write("inbox/day.txt~", "x");

        await watcher.ScanAsync(Inbox, default);
        await watcher.ScanAsync(Inbox, default);

        Assert.False(Directory.Exists(folder.File("inbox/imported")));
        Assert.False(Directory.Exists(folder.File("inbox/failed")));
    }

    [Fact]
    public async Task The_same_file_dropped_twice_is_kept_under_a_new_name_and_queues_nothing_twice()
    {
        const string text = "Paper one\n(A)\nAbs.\n#x\n";
        folder.Write("inbox/day.txt", text);
        await watcher.ScanAsync(Inbox, default);
        await watcher.ScanAsync(Inbox, default);

        folder.Write("inbox/day.txt", text);
        await watcher.ScanAsync(Inbox, default);
        await watcher.ScanAsync(Inbox, default);

        Assert.Equal(2, Directory.GetFiles(folder.File("inbox/imported")).Length);
        Assert.Single(await services.GetRequiredService<NoteStore>().QueuedAsync(default));
    }
}
