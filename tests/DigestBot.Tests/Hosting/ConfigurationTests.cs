namespace DigestBot.Tests.Hosting;

/// <summary>Settings come from appsettings beside the program, then the environment, then the command line.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Shipped_defaults_are_found_from_any_working_folder()
    {
        folder.Write("n.txt", "One\n(A)\nAbs.\n#x\n");

        var result = await ProgramProcess.RunAsync(folder.Path, "import", folder.File("n.txt"));
        var queue = await ProgramProcess.RunAsync(folder.Path, "queue");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(folder.File("data/digestbot.db")), "Storage:Path defaults to data/digestbot.db under the working folder");
        Assert.Contains("09:00 UTC", queue.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_overrides_appsettings_and_the_command_line_overrides_both()
    {
        folder.Write("n.txt", "One\n(A)\nAbs.\n#x\n");
        await ProgramProcess.RunAsync(folder.Path, "import", folder.File("n.txt"));

        await using (var fromEnvironment = ProgramProcess.Start(folder.Path, ["queue"], new Dictionary<string, string> { ["Schedule__Cron"] = "30 7 * * *" }))
        {
            var output = await fromEnvironment.WaitForOutputAsync(o => o.Contains("queued", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            Assert.Contains("07:30 UTC", output, StringComparison.Ordinal);
        }

        await using var fromCommandLine = ProgramProcess.Start(
            folder.Path, ["queue", "--Schedule:Cron=15 6 * * *", "--Schedule:TimeZone=Asia/Seoul"], new Dictionary<string, string> { ["Schedule__Cron"] = "30 7 * * *" });
        var both = await fromCommandLine.WaitForOutputAsync(o => o.Contains("queued", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("06:15 Asia/Seoul", both, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_running_bot_watches_no_files_so_writes_in_its_data_folder_wake_nothing()
    {
        // Configuration is read once at start; a watch of the working folder (recursive, as the host's default
        // appsettings sources set one up) would wake a thread for every write SQLite makes in data/.
        await using var bot = ProgramProcess.Start(folder.Path, ["run", "--Urls=http://127.0.0.1:0"], new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" });
        // Said once every service has started: any watch would be set up by then.
        await Eventually.TrueAsync(() => bot.Errors.Contains("Archive: http", StringComparison.Ordinal) || bot.HasExited, "the bot to say it has started", TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(folder.File("data/digestbot.db")));

        Assert.False(bot.HasExited, bot.Errors);
        var watchers = Directory.GetFiles($"/proc/{bot.Id}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .Count(target => target == "anon_inode:inotify");
        Assert.Equal(0, watchers);
    }
}
