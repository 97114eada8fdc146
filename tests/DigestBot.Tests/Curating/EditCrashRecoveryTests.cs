using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Curating;

/// <summary>
/// The built program carrying out a re-import's edits of three posted notes is SIGKILLed twice in the middle: once
/// while an edit is held unanswered by the fake, once after the fake carried one out but before its answer reached the
/// bot. After the restart every message shows the corrected text and was changed exactly once: an edit in flight at a
/// kill is sent again and Telegram's "message is not modified" counts as done, never as a failure.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class EditCrashRecoveryTests : IAsyncLifetime
{
    private const string Channel = "@edit_crash_channel";
    private static readonly string[] Titles = ["비디오 분할 모델", "상태 공간 모델", "멀티모달 검색"];

    private readonly TempFolder folder = new();
    private FakeTelegramServer fake = null!;

    private string Database => folder.File("data/digestbot.db");

    public async Task InitializeAsync() => fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Shrunken());

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Killed_twice_while_editing_three_posted_notes_each_message_shows_the_correction_and_is_edited_once()
    {
        var file = folder.Write("notes/digest.txt", Digest("처음 쓴 해설입니다."));
        await ImportAsync(file);
        await using (var posting = BotProcess.Start(folder.Path, RunArgs()))
        {
            await Eventually.TrueAsync(() => fake.SentMessages.Count == Titles.Length, "the three notes posted", TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(async () => await CountAsync("SELECT COUNT(*) FROM deliveries WHERE state = 'sent'") == Titles.Length, "the three deliveries recorded", TimeSpan.FromSeconds(30));
            await posting.KillAsync();
        }

        File.WriteAllText(file, Digest("고친 해설입니다. 오타를 바로잡았습니다."));
        await ImportAsync(file);
        Assert.Equal(Titles.Length, await CountAsync("SELECT COUNT(*) FROM message_edits WHERE state = 'pending'"));

        // First run: the first edit is carried out, the second is held unanswered when the kill comes.
        fake.HoldAfter("editMessageText", 1);
        await using (var first = BotProcess.Start(folder.Path, RunArgs()))
        {
            await fake.WaitForArrivalsAsync("editMessageText", 2).WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        // Second run: the held edit is sent again and carried out, but its answer never arrives: killed before recording it.
        fake.HoldAfter("editMessageText", int.MaxValue);
        fake.LoseAnswersAfter("editMessageText", 2);
        await using (var second = BotProcess.Start(folder.Path, RunArgs()))
        {
            await fake.WaitForArrivalsAsync("editMessageText", 3).WaitAsync(TimeSpan.FromSeconds(60));
            await Eventually.TrueAsync(() => fake.Calls.Count(c => c.Method == "editMessageText" && c.StatusCode == 200) == 2, "the resent edit carried out");
            await second.KillAsync();
        }

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM message_edits WHERE state = 'sent'"));

        fake.LoseAnswersAfter("editMessageText", int.MaxValue);
        await using (var last = BotProcess.Start(folder.Path, RunArgs()))
        {
            await Eventually.TrueAsync(
                async () => await CountAsync("SELECT COUNT(*) FROM message_edits WHERE state <> 'pending'") == Titles.Length,
                "every edit finished",
                TimeSpan.FromSeconds(60));
            await last.KillAsync();
        }

        var accepted = fake.Calls.Where(c => c.Method == "editMessageText" && c.StatusCode == 200).ToList();
        Assert.Equal(Titles.Length, accepted.Count);
        Assert.Single(fake.Calls, c => c.Method == "editMessageText" && c.StatusCode == 400);
        Assert.Equal([1, 2, 3], accepted.Select(c => (int)c.Parameters["message_id"]!).Order());
        foreach (var id in new[] { 1, 2, 3 })
        {
            var text = fake.CurrentText(Channel, id);
            Assert.Contains("고친 해설입니다. 오타를 바로잡았습니다.", text, StringComparison.Ordinal);
            Assert.DoesNotContain("처음 쓴 해설", text, StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM message_edits WHERE state <> 'sent'"));
        Assert.Equal(Titles.Length, fake.SentMessages.Count);
    }

    private async Task ImportAsync(string file)
    {
        await using var import = BotProcess.Start(folder.Path, "import", file, "--db", Database);
        Assert.Equal(0, await import.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    private static string Digest(string commentary) =>
        string.Concat(Titles.Select((t, i) => $"{t}\n(김연구, 이논문)\n{t}에 관한 초록입니다.\nhttps://arxiv.org/abs/2407.0071{i}\n{t}: {commentary}\n#edit_crash\n\n"));

    private string[] RunArgs() => TelegramRunArguments.Posting(Database, folder.File("inbox"), fake, Channel, Titles.Length);

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
