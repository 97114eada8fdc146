using System.Diagnostics;
using System.Net.Sockets;
using DigestBot.Alerts;
using DigestBot.Importing;
using DigestBot.Inbox;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Inbox;

/// <summary>
/// Nothing dropped into the inbox jams it: each odd entry sits next to a good file, and the good file is imported at
/// the same polls as ever. The watcher is driven poll by poll (<see cref="InboxWatcher.ScanAsync"/>) over a real folder.
/// </summary>
public sealed class InboxJamTests : IDisposable
{
    private const string GoodNote = "좋은 논문\n(김철수)\nWe present a model.\n데이터 엔진이 흥미롭습니다.\n#inbox-test\n";

    // Only a scan that blocks for good (a FIFO opened) takes anywhere near this long.
    private static readonly TimeSpan Hung = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();
    private readonly FakeLogger<InboxWatcher> log = new();
    private ServiceProvider? services;
    private InboxWatcher? watcher;

    public void Dispose()
    {
        watcher?.Dispose();
        services?.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private string Inbox => folder.File("inbox");

    private InboxWatcher Watcher(IDictionary<string, string?>? settings = null)
    {
        services = TestServices.Create(folder, settings);
        watcher = new InboxWatcher(
            services.GetRequiredService<IOptions<InboxOptions>>(),
            services.GetRequiredService<NoteImporter>(),
            services.GetRequiredService<CuratorAlerts>(),
            services.GetRequiredService<TimeProvider>(),
            log);
        Directory.CreateDirectory(Inbox);
        return watcher;
    }

    private async Task ScanAsync(int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            await watcher!.ScanAsync(Inbox, default).WaitAsync(Hung);
        }
    }

    private async Task<IReadOnlyList<string>> QueuedTitlesAsync() =>
        (await services!.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title).ToList();

    private IReadOnlyList<string> Warnings(string about) =>
        log.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning && r.Message.Contains(about, StringComparison.Ordinal)).Select(r => r.Message).ToList();

    private static async Task RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task A_fifo_is_never_opened_and_warned_about_once_while_the_good_file_beside_it_is_imported()
    {
        Watcher();
        await RunAsync("mkfifo", folder.File("inbox/a-pipe.txt"));
        folder.Write("inbox/b-good.txt", GoodNote);

        await ScanAsync(times: 5);

        Assert.True(File.Exists(folder.File("inbox/imported/b-good.txt")));
        Assert.Equal(["좋은 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/a-pipe.txt")), "the FIFO is left where it is");
        Assert.False(Directory.Exists(folder.File("inbox/failed")));
        var warning = Assert.Single(Warnings("a-pipe.txt"));
        Assert.Equal("Inbox: a-pipe.txt is a named pipe (FIFO), not a note file; the inbox never opens one; it is left where it is and not read", warning);
    }

    [Fact]
    public async Task Symbolic_links_are_not_followed_whether_to_a_device_or_to_a_good_file()
    {
        Watcher();
        var outside = folder.Write("elsewhere/linked.txt", "링크된 논문\n(A)\nAbs.\n#linked\n");
        File.CreateSymbolicLink(folder.File("inbox/a-zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(folder.File("inbox/b-link.txt"), outside);
        folder.Write("inbox/c-good.txt", GoodNote);

        await ScanAsync(times: 4);

        Assert.Equal(["좋은 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/imported/c-good.txt")));
        Assert.Single(Warnings("a-zero.txt is a symbolic link"));
        Assert.Single(Warnings("b-link.txt is a symbolic link"));
        Assert.True(File.Exists(outside), "the link's target is never moved");
        Assert.NotNull(new FileInfo(folder.File("inbox/b-link.txt")).LinkTarget);
    }

    [Fact]
    public async Task Sockets_and_folders_are_warned_about_once_and_left_alone()
    {
        Watcher();
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(folder.File("inbox/a-socket.txt")));
        Directory.CreateDirectory(folder.File("inbox/b-folder"));
        folder.Write("inbox/b-folder/inside.txt", "안쪽 논문\n(A)\nAbs.\n#inside\n");
        folder.Write("inbox/c-good.txt", GoodNote);

        await ScanAsync(times: 4);

        Assert.Equal(["좋은 논문"], await QueuedTitlesAsync());
        Assert.Single(Warnings("a-socket.txt is a socket"));
        Assert.Single(Warnings("b-folder is a folder"));
        Assert.Empty(Warnings("imported is a folder"));
        Assert.True(File.Exists(folder.File("inbox/b-folder/inside.txt")));
    }

    [Fact]
    public async Task A_file_over_Inbox_MaxFileBytes_goes_to_failed_unread_with_the_reason()
    {
        Watcher(new Dictionary<string, string?> { ["Inbox:MaxFileBytes"] = "1024" });
        folder.Write("inbox/a-big.txt", "큰 파일\n(A)\nAbs.\n" + new string('가', 700) + "\n#big\n");
        folder.Write("inbox/b-good.txt", GoodNote);

        await ScanAsync(times: 2);

        Assert.Equal(["좋은 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/failed/a-big.txt")));
        Assert.Equal(
            ["a-big.txt:1: is 2.1 KiB, more than the 1 KiB one file may have (Inbox:MaxFileBytes); split it into smaller note files, or raise Inbox:MaxFileBytes"],
            await File.ReadAllLinesAsync(folder.File("inbox/failed/a-big.txt.errors.txt")));
        Assert.Single(Warnings("a-big.txt moved to failed/a-big.txt"));
    }

    [Fact]
    public async Task A_file_whose_import_throws_is_tried_Inbox_MaxAttempts_times_then_moved_to_failed_and_holds_nothing_back()
    {
        Watcher();
        await FailImportsOfAsync("폭탄 논문");
        folder.Write("inbox/a-bomb.txt", "폭탄 논문\n(A)\nAbs.\n#bomb\n");
        folder.Write("inbox/b-good.txt", GoodNote);

        await ScanAsync(times: 2);
        Assert.Equal(["좋은 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/a-bomb.txt")), "one failed attempt of three");

        folder.Write("inbox/c-later.txt", "나중 논문\n(B)\nAbs.\n#later\n");
        await ScanAsync(times: 2);
        Assert.Equal(["좋은 논문", "나중 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/a-bomb.txt")), "two failed attempts of three");

        await ScanAsync(times: 2);
        Assert.False(File.Exists(folder.File("inbox/a-bomb.txt")));
        var errors = Assert.Single(await File.ReadAllLinesAsync(folder.File("inbox/failed/a-bomb.txt.errors.txt")));
        Assert.StartsWith("a-bomb.txt:1: importing this file failed 3 time(s) (SqliteException: ", errors, StringComparison.Ordinal);
        Assert.Contains("디스크 오류 흉내", errors, StringComparison.Ordinal);
        Assert.Equal(2, log.Collector.GetSnapshot().Count(r => r.Level == LogLevel.Warning && r.Message.StartsWith("Importing a-bomb.txt failed (attempt", StringComparison.Ordinal)));
        Assert.Single(log.Collector.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.StartsWith("Importing a-bomb.txt failed 3 time(s)", StringComparison.Ordinal));
        Assert.Equal(["좋은 논문", "나중 논문"], await QueuedTitlesAsync());
    }

    [Fact]
    public async Task A_file_whose_import_failed_once_is_imported_when_the_next_attempt_works()
    {
        Watcher(new Dictionary<string, string?> { ["Inbox:MaxAttempts"] = "2" });
        await FailImportsOfAsync("폭탄 논문");
        folder.Write("inbox/a-bomb.txt", "폭탄 논문\n(A)\nAbs.\n#bomb\n");

        await ScanAsync(times: 2);
        await ExecuteAsync("DROP TRIGGER fail_import");
        await ScanAsync(times: 2);

        Assert.Equal(["폭탄 논문"], await QueuedTitlesAsync());
        Assert.True(File.Exists(folder.File("inbox/imported/a-bomb.txt")));
    }

    [Fact]
    public async Task The_file_is_never_read_past_the_limit_even_if_it_grew_after_it_was_measured()
    {
        var path = folder.Write("grown.txt", "자란 파일\n(A)\nAbs.\n" + new string('가', 2000) + "\n#grown\n");

        var file = new NoteFileReader().Stream(path, maxBytes: 1024);

        Assert.True(file.IsEmpty);
        Assert.StartsWith("is 5.9 KiB, more than the 1 KiB", Assert.Single(file.Problems).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Inbox:MaxFileBytes", "0", "Inbox:MaxFileBytes '0' must be between 1 and 1073741824 (1 GiB); the default is 16777216 (16 MiB).")]
    [InlineData("Inbox:MaxAttempts", "0", "Inbox:MaxAttempts '0' must be between 1 and 100: how many times importing one file may fail before it goes to failed/ (3 by default).")]
    [InlineData("Inbox:PollInterval", "00:00:00", "Inbox:PollInterval '00:00:00' must be a positive duration such as 00:00:02.")]
    public void A_bad_inbox_setting_stops_the_start_with_the_key_and_value(string key, string value, string message)
    {
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<InboxOptions>>().Value);

        Assert.Equal(message, error.Message);
    }

    /// <summary>The database refuses the note with this title, as a full disk or a fault of ours would.</summary>
    private Task FailImportsOfAsync(string title) =>
        ExecuteAsync($"CREATE TRIGGER fail_import BEFORE INSERT ON notes WHEN NEW.title = '{title}' BEGIN SELECT RAISE(ABORT, '디스크 오류 흉내'); END");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await services!.GetRequiredService<SqliteDatabase>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
