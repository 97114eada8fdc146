using System.Diagnostics;

namespace DigestBot.Tests.Cli;

/// <summary>
/// <c>run</c> as a user runs it (the console platform): notes no platform can take are refused from the inbox and from
/// the console with <c>file:line: reason</c>, and nothing dropped into the inbox stops the good files around it.
/// </summary>
public sealed class RunVerbIntakeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private ProgramProcess StartBot() =>
        ProgramProcess.Start(folder.Path,
        [
            "run",
            "--Urls=http://127.0.0.1:0",
            "--db", folder.File("data/bot.db"),
            "--Inbox:Path=" + folder.File("inbox"),
            "--Inbox:PollInterval=00:00:00.200",
            "--Schedule:Cron=0 9 * * *",
        ]);

    [Fact]
    public async Task The_inbox_refuses_poison_notes_at_their_lines_queues_the_good_ones_and_is_not_jammed_by_a_fifo()
    {
        await using var bot = StartBot();
        await Eventually.TrueAsync(() => bot.Errors.Contains("Watching ", StringComparison.Ordinal) || bot.HasExited, "the bot to watch its inbox", Patience);
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [folder.File("inbox/a-pipe.txt")]) { UseShellExecute = false })!)
        {
            await mkfifo.WaitForExitAsync();
        }

        folder.Write("inbox/b-poison.txt", PoisonNotes.MixedDigest(out var lines));
        folder.Write("inbox/c-good.txt", "세 번째 좋은 논문\n(A)\nWe present a model.\n#paper-test\n");
        await Eventually.TrueAsync(
            () => File.Exists(folder.File("inbox/failed/b-poison.txt.errors.txt")) && File.Exists(folder.File("inbox/imported/c-good.txt")) || bot.HasExited,
            "the inbox to take both files",
            Patience);
        // Two more polls at least: the FIFO is looked at again, and warned about no more.
        folder.Write("inbox/d-later.txt", "나중 논문\n(B)\nWe present another model.\n#later\n");
        await Eventually.TrueAsync(() => File.Exists(folder.File("inbox/imported/d-later.txt")) || bot.HasExited, "the later file", Patience);

        Assert.False(bot.HasExited, bot.Errors);
        var errors = await File.ReadAllLinesAsync(folder.File("inbox/failed/b-poison.txt.errors.txt"));
        Assert.Equal(
            [
                .. PoisonNotes.MixedDigestProblems("b-poison.txt", lines),
                "The other 2 note(s) of this file were queued. Fix the lines above and drop the file in the inbox again: notes already stored are not queued twice.",
            ],
            errors);
        Assert.True(File.Exists(folder.File("inbox/a-pipe.txt")));
        Assert.Equal(1, bot.Errors.Split('\n').Count(l => l.Contains("a-pipe.txt is a named pipe (FIFO)", StringComparison.Ordinal)));

        await bot.TypeAsync("/tag paper-test");
        var output = await bot.WaitForOutputAsync(o => o.Contains("#paper-test: 3 notes", StringComparison.Ordinal), Patience);
        var answer = output[output.IndexOf("#paper-test: 3 notes", StringComparison.Ordinal)..];
        Assert.DoesNotContain("깊은 논문", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(PoisonNotes.HugeTitle, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poison_note_pasted_into_the_console_is_refused_with_its_line_and_the_next_good_one_is_queued()
    {
        await using var bot = StartBot();

        foreach (var line in new[] { PoisonNotes.DeepEmphasisTitle, "(김철수)", "We present a model.", PoisonNotes.DeepEmphasis, "#paper-test" })
        {
            await bot.TypeAsync(line);
        }

        var refused = $"console:1: {PoisonNotes.Sentence(PoisonNotes.DeepEmphasisTitle, PoisonNotes.TooDeep)}";
        await bot.WaitForOutputAsync(o => o.Contains(refused, StringComparison.Ordinal), Patience);
        foreach (var line in new[] { "좋은 논문", "(김철수)", "We present a model.", "데이터 엔진이 흥미롭습니다.", "#paper-test" })
        {
            await bot.TypeAsync(line);
        }

        var output = await bot.WaitForOutputAsync(o => o.Contains("Queued: 좋은 논문", StringComparison.Ordinal), Patience);
        Assert.DoesNotContain("Queued: " + PoisonNotes.DeepEmphasisTitle, output, StringComparison.Ordinal);
        Assert.Contains("1 note queued", output[output.IndexOf("Queued: 좋은 논문", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }
}
