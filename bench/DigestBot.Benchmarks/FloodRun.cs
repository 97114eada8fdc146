using System.Diagnostics;
using System.Globalization;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>flood [--users 20] [--searches 20] [--within-s 10] [--runs 3]</c>: the real host, paced by Telegram's limits
/// against a fake that enforces them (one message a second per chat, 20 a minute per group, 30 a second overall), gets
/// <c>--users × --searches</c> <c>/search</c> in one group within <c>--within-s</c> seconds. A second into the flood a
/// curator asks <c>/help</c> in a private chat, and a second later the channel's post falls due (the publisher is
/// called as a slot calls it). Reports how long the curator waited for the answer and the post for its
/// <c>sendMessage</c>, with the group's answers before each, and the 429s.
/// </summary>
internal static class FloodRun
{
    private const long Group = -4501;
    private const long Curator = 777;
    private const long FirstUser = 6000;
    // A numeric channel id, so that the fake records the post among its answers (it records sends by numeric chat id).
    private const long Channel = -100_9876_543_210;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var users = options.Int("users", 20);
        var searches = options.Int("searches", 20);
        var within = TimeSpan.FromSeconds(options.Int("within-s", 10));
        var runs = options.Int("runs", 3);
        Console.WriteLine($"flood: {users} users × {searches} `/search 비디오` in one group within {within.TotalSeconds:F0} s; Telegram's limits in the bot and in the fake; the bot in this process");
        Console.WriteLine("| run | curator's /help answered after | group answers before it | post sent after falling due | group answers before it | group answers in all | 429s |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (var run = 1; run <= runs; run++)
        {
            var (help, helpAfter, post, postAfter, groupAnswers, refused) = await OneAsync(users, searches, within);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {run} | {help.TotalMilliseconds:F0} ms | {helpAfter} | {post.TotalMilliseconds:F0} ms | {postAfter} | {groupAnswers} | {refused} |"));
        }

        return 0;
    }

    private static async Task<(TimeSpan Help, int GroupBeforeHelp, TimeSpan Post, int GroupBeforePost, int GroupAnswers, int Refused)> OneAsync(
        int users, int searches, TimeSpan within)
    {
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { KeepBodies = false });
        // Telegram's limits, where the round trip turns them off.
        await using var host = InProcessHost.Create(telegram, "flood",
        [
            "--Telegram:Pacing:PerChatInterval=00:00:01",
            "--Telegram:Pacing:GroupWindow=00:01:00",
            "--Telegram:Pacing:GlobalWindow=00:00:01",
            $"--Telegram:Channel={Channel.ToString(CultureInfo.InvariantCulture)}",
            $"--Telegram:Admins:0={Curator.ToString(CultureInfo.InvariantCulture)}",
        ]);
        await host.StartWithSam2Async(telegram, "video-segmentation");

        var clock = Stopwatch.StartNew();
        var total = users * searches;
        var every = within / total;
        TimeSpan helpAsked = default, postDue = default;
        Task<IReadOnlyList<StoredNote>>? publish = null;
        for (var i = 0; i < total; i++)
        {
            // On time however busy the thread pool is: the flood is paced by the clock, not by the answers.
            while (clock.Elapsed < every * i)
            {
                Thread.Sleep(1);
            }

            telegram.EnqueueMessage(Group, "/search 비디오", fromUserId: FirstUser + (i % users), languageCode: "ko");
            if (helpAsked == default && clock.Elapsed >= TimeSpan.FromSeconds(1))
            {
                helpAsked = clock.Elapsed;
                telegram.EnqueueMessage(Curator, "/help", fromUserId: Curator, languageCode: "ko");
            }

            if (publish is null && clock.Elapsed >= TimeSpan.FromSeconds(2))
            {
                postDue = clock.Elapsed;
                publish = Task.Run(() => host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None));
            }
        }

        await publish!.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while (!telegram.Answers.Any(a => a.ChatId == Curator && a.StatusCode == 200) && clock.Elapsed < deadline)
        {
            await Task.Delay(50);
        }

        var start = DateTimeOffset.UtcNow - clock.Elapsed;
        var answers = telegram.Answers;
        var group = answers.Where(a => a.ChatId == Group && a.StatusCode == 200).ToList();
        var help = answers.First(a => a.ChatId == Curator && a.StatusCode == 200).At;
        var post = answers.First(a => a.ChatId == Channel && a.StatusCode == 200).At;
        return (help - (start + helpAsked), group.Count(a => a.At < help), post - (start + postDue), group.Count(a => a.At < post),
            group.Count, telegram.TooManyRequestsSent);
    }
}
