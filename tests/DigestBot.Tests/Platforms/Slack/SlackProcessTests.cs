using DigestBot.Tests.Publishing;
using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// The program as its own process on Slack in Socket Mode, as a deployment runs it: with <c>DIGESTBOT_PROGRAM</c> set
/// to the native build this checks that build's Slack client, Block Kit payloads and socket end to end.
/// </summary>
public sealed class SlackProcessTests
{
    [Fact]
    public async Task The_program_posts_a_queued_note_to_the_channel_and_answers_a_mention_in_its_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        var database = folder.File("data/digestbot.db");
        var notes = folder.Write("notes/one.txt", "Process Paper On Slack\nAn abstract about *sparse* attention.\n" +
            "https://arxiv.org/abs/2401.00001\n이 모델은 **빠릅니다**. See [the code](https://example.org/code).\n#slack_process\n\n");
        await using (var import = BotProcess.Start(folder.Path, "import", notes, "--db", database))
        {
            Assert.Equal(0, await import.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        await using var bot = BotProcess.Start(folder.Path,
            "run",
            "--Urls=http://127.0.0.1:0",
            $"--Storage:Path={database}",
            $"--Inbox:Path={folder.File("inbox")}",
            $"--Slack:BotToken={FakeSlackServer.BotToken}",
            $"--Slack:AppToken={FakeSlackServer.AppToken}",
            $"--Slack:ApiBaseUrl={fake.ApiBaseUrl}",
            $"--Slack:Channel={FakeSlackServer.Channel}",
            "--Slack:MessageInterval=00:00:00",
            "--Sources:ArxivApiUrl=http://127.0.0.1:9/api/query",
            "--Schedule:Cron=* * * * * *");
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1 && f.Posts.Count == 1, TimeSpan.FromSeconds(30));
        // The post counts as posted once its delivery is recorded, a moment after Slack accepted it; asked earlier,
        // /tag (posted notes only for a non-curator) would rightly answer that no note carries the tag.
        await Eventually.TrueAsync(async () => await SentDeliveriesAsync(database) == 1, "the post's delivery recorded", TimeSpan.FromSeconds(30));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-1",
            SlackBotHost.Callback("Ev0PROCESS1", SlackBotHost.Mention(SlackBotHost.Stranger, "tag Slack_Process", "1772352000.000700"))));
        await fake.WaitUntilAsync(f => f.Posts.Count == 2 && f.Acks.Count == 1, TimeSpan.FromSeconds(30));

        var post = fake.Posts[0];
        Assert.Equal(FakeSlackServer.Channel, post.Channel);
        Assert.Null(post.ThreadTs);
        Assert.Empty(post.BlockKitProblems);
        Assert.Contains("Process Paper On Slack", post.Json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"text\",\"text\":\"이 모델은 \"},{\"type\":\"text\",\"text\":\"빠릅니다\",\"style\":{\"bold\":true}}", post.Json, StringComparison.Ordinal);
        Assert.Contains("{\"type\":\"link\",\"url\":\"https://example.org/code\",\"text\":\"the code\"}", post.Json, StringComparison.Ordinal);
        var answer = fake.Posts[1];
        Assert.Equal("1772352000.000700", answer.ThreadTs);
        Assert.Contains("Process Paper On Slack", answer.Json, StringComparison.Ordinal);
        Assert.Contains("#slack-process", answer.Json, StringComparison.Ordinal);
    }

    private static async Task<long> SentDeliveriesAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM deliveries WHERE state = 'sent'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
