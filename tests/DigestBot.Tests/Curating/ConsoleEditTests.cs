namespace DigestBot.Tests.Curating;

/// <summary><c>/edit</c> on the console of <c>run</c>: the note to copy, the corrected note pasted back, then <c>update</c> or <c>cancel</c> typed.</summary>
public sealed class ConsoleEditTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_pasted_correction_shows_what_changes_and_is_applied_only_when_update_is_typed()
    {
        var seed = folder.Write("seed.txt", "2024-07-30\nSAM 2: Segment Anything\n(Nikhila Ravi)\nWe present SAM 2.\nhttps://arxiv.org/abs/2408.00714\nSAM 2가 나왔군요.\n비디오 확장입니다.\n#video_segmentation\n");
        await using var bot = ProgramProcess.Start(folder.Path,
        [
            "run",
            "--Urls=http://127.0.0.1:0",
            "--db", folder.File("data/bot.db"),
            "--Inbox:Path=" + folder.File("inbox"),
            "--Inbox:Seed:0=" + seed,
            "--Schedule:Cron=0 0 1 1 *",
        ]);
        await WaitForQueuedAsync();

        await bot.TypeAsync("/edit 1");
        await bot.WaitForOutputAsync(o => o.Contains("비디오 확장입니다.\n#video-segmentation\n", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        foreach (var line in new[] { "2024-07-30", "SAM 2: Segment Anything", "(Nikhila Ravi)", "We present SAM 2.", "https://arxiv.org/abs/2408.00714", "SAM 2가 나왔군요.", "비디오 분할로 넓혔습니다.", "#video-segmentation #sam" })
        {
            await bot.TypeAsync(line);
        }

        var shown = await bot.WaitForOutputAsync(o => o.Contains("Type update to apply it", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains("This would change note 1 (“SAM 2: Segment Anything”):\ntitle unchanged · commentary: 1 line changed · tags: +#sam\n", shown, StringComparison.Ordinal);
        Assert.Equal("SAM 2가 나왔군요.\n비디오 확장입니다.", await CommentaryAsync());

        await bot.TypeAsync("update");
        await bot.WaitForOutputAsync(o => o.Contains("Updated note 1: commentary, tags.", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal("SAM 2가 나왔군요.\n비디오 분할로 넓혔습니다.", await CommentaryAsync());

        await bot.TypeAsync("update");
        await bot.WaitForOutputAsync(o => o.Contains("No edit is waiting for update or cancel", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(1L, await SqliteFile.ScalarAsync(folder.File("data/bot.db"), "SELECT COUNT(*) FROM note_changes WHERE what LIKE 'changed%'"));
    }

    private async Task WaitForQueuedAsync() =>
        await Eventually.TrueAsync(
            async () => File.Exists(folder.File("data/bot.db")) && await Queued() is 1L,
            "the seed imported",
            TimeSpan.FromSeconds(60));

    private async Task<object?> Queued()
    {
        try
        {
            return await SqliteFile.ScalarAsync(folder.File("data/bot.db"), "SELECT COUNT(*) FROM notes");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return null;
        }
    }

    private Task<object?> CommentaryAsync() => SqliteFile.ScalarAsync(folder.File("data/bot.db"), "SELECT commentary FROM notes WHERE id = 1");
}
