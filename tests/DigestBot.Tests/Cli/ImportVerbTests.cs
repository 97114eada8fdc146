namespace DigestBot.Tests.Cli;

/// <summary>The <c>import</c>, <c>queue</c>, <c>tag</c>, <c>tags</c> and <c>search</c> verbs, run as a user runs them.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Db => folder.File("data/bot.db");

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        ProgramProcess.RunAsync(folder.Path, [.. args, "--db", Db]);

    private string Digest() => Path.Combine(TestPaths.RepoRoot, "samples", "demo-digest.txt");

    /// <summary>Imports a digest file written on the spot.</summary>
    private Task<(int ExitCode, string Output, string Errors)> Import(string name, string digest) =>
        Run("import", folder.Write(name, digest));

    [Fact]
    public async Task Imports_a_digest_then_says_nothing_new_on_the_second_import()
    {
        var first = await Run("import", Digest());
        var second = await Run("import", Digest());

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"demo-digest\.txt: 5 queued", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 queued, 5 already stored (nothing new", second.Output, StringComparison.Ordinal);
        var queue = await Run("queue");
        Assert.Contains("5 notes queued", queue.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_lists_notes_in_the_order_they_were_imported()
    {
        await Import("a.txt", "First paper\n(A)\nAbstract one.\n#x\nSecond paper\n(B)\nAbstract two.\n#y\n");
        await Import("b.txt", "Third paper\n(C)\nAbstract three.\n#x\n");

        var queue = await Run("queue");

        var first = queue.Output.IndexOf("First paper", StringComparison.Ordinal);
        var second = queue.Output.IndexOf("Second paper", StringComparison.Ordinal);
        var third = queue.Output.IndexOf("Third paper", StringComparison.Ordinal);
        Assert.True(first >= 0 && first < second && second < third, queue.Output);
    }

    [Theory]
    [InlineData("synthetic-data")]
    [InlineData("Synthetic_Data")]
    [InlineData("#SYNTHETIC-data")]
    public async Task Tag_lists_both_sample_notes_marked_queued(string tag)
    {
        var samples = TestPaths.SharedSamples;
        var file = samples is null ? null : Path.Combine(samples, "digest-2024-07-30.txt");
        if (file is null || !File.Exists(file))
        {
            // Without the shared samples, the same rule is checked on a fixture of our own.
            file = folder.Write("synthetic.txt", "VILA^2\n(A)\nAbs.\n#vision-language #synthetic-data\nMeta-Rewarding\n(B)\nAbs.\n#rlaif #synthetic-data\n");
        }

        await Run("import", file);

        var result = await Run("tag", tag);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("#synthetic-data: 2 notes", result.Output, StringComparison.Ordinal);
        Assert.Contains("VILA^2", result.Output, StringComparison.Ordinal);
        Assert.Contains("Meta-Rewarding", result.Output, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(result.Output, "[queued]"));
    }

    [Fact]
    public async Task Unknown_tag_names_the_closest_tags_and_exits_1()
    {
        await Run("import", Digest());

        var result = await Run("tag", "lm");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No notes are tagged #lm.", result.Output, StringComparison.Ordinal);
        Assert.Contains("Closest tags: #llm", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_korean_substrings_in_commentary()
    {
        await Import("k.txt", "SAM 2\n(Meta)\nSegment anything in videos.\nSAM 2가 나왔군요. 비디오에 대한 확장입니다.\n#video-segmentation\nOther\n(X)\nNothing here.\n영어 논문\n#misc\n");

        var result = await Run("search", "디오에");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SAM 2", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tags_counts_every_tag()
    {
        await Import("t.txt", "One\n(A)\nAbs.\n#llm #data\nTwo\n(B)\nAbs.\n#llm\n");

        var result = await Run("tags");

        Assert.Contains("#llm — 2 (2 queued)", result.Output, StringComparison.Ordinal);
        Assert.Contains("#data — 1 (1 queued)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_verb_prints_usage_and_exits_2()
    {
        var result = await ProgramProcess.RunAsync(folder.Path, "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown verb 'frobnicate'", result.Errors, StringComparison.Ordinal);
        Assert.Contains("Usage:", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("import")]
    [InlineData("queue", "extra")]
    [InlineData("publish", "--count", "zero")]
    [InlineData("tags", "--bogus")]
    public async Task Wrong_arguments_print_usage_and_exit_2(params string[] args)
    {
        var result = await ProgramProcess.RunAsync(folder.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Usage:", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
