using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Cli;

/// <summary>
/// Notes that no platform can take (Markdig's "too deeply nested", hundreds of messages) are refused by <c>import</c> and
/// <c>render</c> with <c>file:line: reason</c>, run as a user runs them; the good notes of the same file are queued.
/// </summary>
public sealed class PoisonNoteVerbTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Db => folder.File("data/bot.db");

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        ProgramProcess.RunAsync(folder.Path, [.. args, "--db", Db]);

    [Fact]
    public async Task Import_refuses_each_poison_note_at_its_line_and_queues_the_good_ones()
    {
        var path = folder.Write("poison.txt", PoisonNotes.MixedDigest(out var lines));

        var result = await Run("import", path);
        var queue = await Run("queue");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(PoisonNotes.MixedDigestProblems(path, lines), result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("poison.txt: 2 queued, 3 rejected", result.Output, StringComparison.Ordinal);
        Assert.Contains("2 notes queued", queue.Output, StringComparison.Ordinal);
        Assert.Contains("좋은 논문 하나", queue.Output, StringComparison.Ordinal);
        Assert.Contains("좋은 논문 둘", queue.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("깊은 논문", queue.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(PoisonNotes.HugeTitle, queue.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_of_a_file_prints_the_good_notes_and_one_sentence_for_each_poison_note()
    {
        var path = folder.Write("poison.txt", PoisonNotes.MixedDigest(out var lines));

        var result = await Run("render", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(PoisonNotes.MixedDigestProblems(path, lines), result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var payloads = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, payloads.Length);
        Assert.Equal(2, payloads.Count(p => p.Contains("\"parse_mode\":\"HTML\"", StringComparison.Ordinal)));
        Assert.All(payloads, p => Assert.Contains("좋은 논문", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Render_of_a_poison_note_stored_before_the_check_prints_one_sentence_and_exits_1()
    {
        using (var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = Db }))
        {
            // Stored as an older DigestBot stored it: straight into the store, unchecked.
            var store = services.GetRequiredService<NoteStore>();
            await store.ImportAsync(
                [
                    NoteFactory.Paper(PoisonNotes.DeepQuoteTitle, commentary: PoisonNotes.DeepQuote),
                    NoteFactory.Paper("좋은 논문", commentary: "데이터 엔진이 흥미롭습니다."),
                ],
                default);
        }

        SqliteConnection.ClearAllPools();
        var poison = await Run("render", "1");
        var good = await Run("render", "2", "--platform", "telegram");

        Assert.Equal(1, poison.ExitCode);
        Assert.Equal($"note 1: {PoisonNotes.Sentence(PoisonNotes.DeepQuoteTitle, PoisonNotes.TooDeep)}\n", poison.Errors);
        Assert.Equal("", poison.Output);
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("데이터 엔진이 흥미롭습니다.", good.Output, StringComparison.Ordinal);
    }
}
