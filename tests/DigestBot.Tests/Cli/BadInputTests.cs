namespace DigestBot.Tests.Cli;

/// <summary>Every kind of bad input gets one clear sentence and a non-zero exit, and loses nothing already stored.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Db => folder.File("data/bot.db");

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        ProgramProcess.RunAsync(folder.Path, [.. args, "--db", Db]);

    private async Task<string> StoreOneNoteAsync()
    {
        folder.Write("good.txt", "Kept paper\n(A)\nIt stays.\n#kept\n");
        var result = await Run("import", folder.File("good.txt"));
        Assert.Equal(0, result.ExitCode);
        return (await Run("queue")).Output;
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty.txt:1: file is empty" },
        { "binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0x00], "binary.txt:1: looks like a binary file" },
        { "latin1.txt", [.. "Title\n(A)\n"u8.ToArray(), 0x43, 0x61, 0x66, 0xE9, (byte)'\n', .. "#tag\n"u8.ToArray()], "latin1.txt:3: is not UTF-8 text" },
        { "stray.txt", "#llm #data\n"u8.ToArray(), "stray.txt:1:" },
        { "unfinished.txt", "Done\n(A)\nAbs.\n#ok\nNot done\n(B)\nAbstract\ncommentary without tags\n"u8.ToArray(), "unfinished.txt:5: unfinished note starting at line 5" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_reported_with_file_and_line_and_nothing_stored_changes(string name, byte[] content, string expected)
    {
        var before = await StoreOneNoteAsync();
        var path = folder.File(name);
        await File.WriteAllBytesAsync(path, content);

        var result = await Run("import", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
        var after = (await Run("queue")).Output;
        if (name == "unfinished.txt")
        {
            // The finished note of the same file is still queued.
            Assert.Contains("Done", after, StringComparison.Ordinal);
            Assert.DoesNotContain("Not done", after, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(before, after);
        }
    }

    [Fact]
    public async Task A_missing_file_or_folder_is_named()
    {
        var result = await Run("import", folder.File("nope.txt"), folder.File("no-folder"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.txt", result.Errors, StringComparison.Ordinal);
        Assert.Contains("no-folder", result.Errors, StringComparison.Ordinal);
        Assert.Contains("no such file or folder", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_good_notes_of_a_file_are_queued_when_others_are_rejected()
    {
        folder.Write("mixed.txt", "Good one\n(A)\nAbs.\n#a\n#orphan\nGood two\n(B)\nAbs.\n#b\n");

        var result = await Run("import", folder.File("mixed.txt"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mixed.txt:5:", result.Errors, StringComparison.Ordinal);
        Assert.Contains("2 queued, 1 rejected", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_file_that_is_not_sqlite_is_refused_and_left_alone()
    {
        var bytes = Enumerable.Range(0, 2048).Select(i => (byte)(i % 251)).ToArray();
        var path = folder.File("other.db");
        await File.WriteAllBytesAsync(path, bytes);

        var result = await ProgramProcess.RunAsync(folder.Path, "queue", "--db", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a DigestBot database", result.Errors, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task An_unwritable_database_path_is_refused_with_what_to_do()
    {
        var blocker = folder.Write("blocker", "a file where a folder should be");

        var result = await ProgramProcess.RunAsync(folder.Path, "tags", "--db", Path.Combine(blocker, "bot.db"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Choose a writable location with --db", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_setting_names_the_key_and_value()
    {
        var result = await Run("queue", "--Schedule:TimeZone=Mars/Olympus");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Schedule:TimeZone 'Mars/Olympus'", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue", "--Storage:BackupKeep=seven", "'seven' at 'Storage:BackupKeep'")]
    [InlineData("run", "--Slack:SocketMode:KeepAliveInterval=soon", "'soon' at 'Slack:SocketMode:KeepAliveInterval'")]
    public async Task A_setting_that_is_not_a_number_or_a_duration_is_named_without_a_stack_trace(string verb, string setting, string named)
    {
        string[] slack = verb == "run" ? ["--Urls=http://127.0.0.1:0", "--Slack:BotToken=xoxb-1-2-fake", "--Slack:AppToken=xapp-1-fake", "--Slack:ApiBaseUrl=http://127.0.0.1:9/api/"] : [];

        var result = await Run([verb, setting, .. slack]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Configuration error: Failed to convert configuration value " + named, result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_address_already_in_use_is_named_with_what_to_do()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var result = await Run("run", $"--Urls=http://127.0.0.1:{port}", "--Inbox:Path=" + folder.File("inbox"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"http://127.0.0.1:{port} is already in use by another program", result.Errors, StringComparison.Ordinal);
        Assert.Contains("--Urls=", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Errors, StringComparison.Ordinal);
    }
}
