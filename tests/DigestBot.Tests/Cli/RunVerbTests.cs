using DigestBot.Sources;
using DigestBot.Tests.Sources;

namespace DigestBot.Tests.Cli;

/// <summary><c>run</c> with no platform token: the console platform posts, answers typed commands and watches the inbox.</summary>
public sealed class RunVerbTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private ProgramProcess StartBot(params string[] extra) =>
        ProgramProcess.Start(folder.Path,
        [
            .. extra,
            "run",
            "--Urls=http://127.0.0.1:0",
            "--db", folder.File("data/bot.db"),
            "--Inbox:Path=" + folder.File("inbox"),
            "--Inbox:PollInterval=00:00:00.200",
            "--Inbox:Seed:0=" + Path.Combine(TestPaths.RepoRoot, "samples", "demo-digest.txt"),
            "--Schedule:Cron=*/2 * * * * *",
        ]);

    [Fact]
    public async Task Posts_the_first_queued_note_within_15_seconds_and_answers_a_typed_tag()
    {
        await using var bot = StartBot();

        var output = await bot.WaitForOutputAsync(o => o.Contains("──── posted", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("Attention Is All You Need", output, StringComparison.Ordinal);

        await bot.TypeAsync("/tag LLM");
        // The answer arrives line by line: wait for the lines checked below, not just the heading.
        output = await bot.WaitForOutputAsync(
            o => o.Contains("#llm: 3 notes", StringComparison.Ordinal)
                && o[o.IndexOf("#llm: 3 notes", StringComparison.Ordinal)..] is var a
                && a.Contains("LoRA: Low-Rank Adaptation", StringComparison.Ordinal) && a.Contains("[queued]", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        var answer = output[output.IndexOf("#llm: 3 notes", StringComparison.Ordinal)..];
        Assert.Contains("LoRA: Low-Rank Adaptation", answer, StringComparison.Ordinal);
        Assert.Contains("[queued]", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_typed_on_the_console_says_the_console_shows_every_post_already()
    {
        await using var bot = StartBot();

        await bot.TypeAsync("/subscribe #llm");
        var output = await bot.WaitForOutputAsync(o => o.Contains("are for Telegram and Slack chats", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        Assert.Contains("The console shows every post already.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("I don't know the command", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Imports_inbox_files_and_moves_bad_ones_aside_without_stopping()
    {
        await using var bot = StartBot();
        await bot.WaitForOutputAsync(o => o.Contains("──── posted", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        folder.Write("inbox/new.txt", "Inbox paper\n(Someone)\nDropped into the inbox.\n#inbox-test\n");
        folder.Write("inbox/broken.txt", "Half a note\n(Someone)\nNo hashtag line follows.\n");
        await WaitUntilAsync(() => File.Exists(folder.File("inbox/imported/new.txt")) && File.Exists(folder.File("inbox/failed/broken.txt.errors.txt")));

        var errors = await File.ReadAllTextAsync(folder.File("inbox/failed/broken.txt.errors.txt"));
        Assert.Contains("broken.txt:1: unfinished note starting at line 1", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("inbox/new.txt")));

        await bot.TypeAsync("/tag inbox-test");
        var output = await bot.WaitForOutputAsync(o => o.Contains("#inbox-test: 1 note", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Inbox paper", output, StringComparison.Ordinal);
        Assert.False(bot.HasExited);
    }

    [Fact]
    public async Task A_pasted_note_is_queued_when_its_hashtag_line_arrives()
    {
        await using var bot = StartBot();
        await bot.WaitForOutputAsync(o => o.Contains("──── posted", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.TypeAsync("Pasted Paper Title");
        await bot.TypeAsync("(Paste Author)");
        await bot.TypeAsync("An abstract typed into the console.");
        await bot.TypeAsync("짧은 코멘트");
        await bot.TypeAsync("#pasted");

        var output = await bot.WaitForOutputAsync(o => o.Contains("Queued: Pasted Paper Title", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("unfinished", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_typed_arxiv_link_queues_the_paper_with_its_metadata_and_commentary()
    {
        await using var arxiv = await FakeArxivServer.StartAsync();
        arxiv.Add(new PaperMetadata(
            "2408.00714", "SAM 2: Segment Anything in Images and Videos", ["Nikhila Ravi", "Christoph Feichtenhofer"],
            "We present Segment Anything Model 2.", new Uri("https://arxiv.org/abs/2408.00714"), null, ["cs.CV"]));
        await using var bot = StartBot("--Sources:ArxivApiUrl=" + arxiv.ApiUrl, "--Sources:ArxivMinInterval=00:00:00.001");
        await bot.WaitForOutputAsync(o => o.Contains("──── posted", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

        await bot.TypeAsync("https://arxiv.org/pdf/2408.00714v1 비디오로 확장된 SAM #Video_Segmentation");
        var output = await bot.WaitForOutputAsync(o => o.Contains("Queued: SAM 2", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.Contains("#video-segmentation", output[output.IndexOf("Queued: SAM 2", StringComparison.Ordinal)..], StringComparison.Ordinal);

        await bot.TypeAsync("/search 확장된");
        output = await bot.WaitForOutputAsync(o => o.Contains("“확장된”: 1 note", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("SAM 2: Segment Anything in Images and Videos", output[output.IndexOf("“확장된”", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_is_refused_while_the_bot_posts_from_the_same_database_and_works_once_it_stops()
    {
        await using (var bot = StartBot())
        {
            await bot.WaitForOutputAsync(o => o.Contains("──── posted", StringComparison.Ordinal), TimeSpan.FromSeconds(15));

            var refused = await ProgramProcess.RunAsync(folder.Path, "publish", "--db", folder.File("data/bot.db"));

            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("Another DigestBot process is posting", refused.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Published", refused.Output, StringComparison.Ordinal);
        }

        var published = await ProgramProcess.RunAsync(folder.Path, "publish", "--db", folder.File("data/bot.db"));

        Assert.Equal(0, published.ExitCode);
        Assert.Contains("Published 1 note(s)", published.Output, StringComparison.Ordinal);
    }

    private static Task WaitUntilAsync(Func<bool> condition) => Eventually.TrueAsync(condition, "the condition", TimeSpan.FromSeconds(30));
}
