using System.Diagnostics;
using System.Globalization;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>fanout [--subscribers 10000] [--rate 300] [--lookup-every-ms 250] [--lanes n]</c> (<c>Publishing:SubscriberLanes</c>): the real host posts one note to its
/// Telegram channel and to <c>--subscribers</c> subscribed private chats, against a fake Telegram that enforces a global
/// limit of <c>--rate</c> messages per second (answering 429 past it) and Telegram's one message per second per chat;
/// the bot is configured with the same global rate. Meanwhile a reader sends <c>/tag llm</c> from a private chat every
/// <c>--lookup-every-ms</c>, each time another reader. Reports the rate the fan-out reached as a fraction of the configured one, the 429s, the
/// managed heap and working set over idle (bot and fake share this process), and the reader's answer latency.
/// </summary>
internal static class FanOutRun
{
    // Each lookup comes from a reader of its own: one chat asking four times a second would wait for Telegram's one
    // message a second per chat, not for the fan-out.
    private const long FirstReader = 9_000_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var subscribers = options.Int("subscribers", 10_000);
        var rate = options.Int("rate", 300);
        var lookupEvery = TimeSpan.FromMilliseconds(options.Int("lookup-every-ms", 250));
        var lanes = options.Int("lanes", 0);
        await using var telegram = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            KeepBodies = false,
            GlobalMessagesPerWindow = rate,
            GlobalWindow = TimeSpan.FromSeconds(1),
        });
        List<string> settings =
        [
            $"--Telegram:Pacing:GlobalMessagesPerWindow={rate.ToString(CultureInfo.InvariantCulture)}",
            "--Telegram:Pacing:GlobalWindow=00:00:01",
            $"--Subscriptions:Max={(subscribers + 1).ToString(CultureInfo.InvariantCulture)}",
        ];
        if (lanes > 0)
        {
            settings.Add($"--Publishing:SubscriberLanes={lanes.ToString(CultureInfo.InvariantCulture)}");
        }

        await using var host = InProcessHost.Create(telegram, "fanout", settings);
        var store = host.Get<SubscriptionStore>();
        for (var i = 1; i <= subscribers; i++)
        {
            await store.SubscribeAsync(DestinationKey.Telegram, (1_000_000 + i).ToString(CultureInfo.InvariantCulture), null, CancellationToken.None);
        }

        await host.StartWithSam2Async(telegram, "llm", "video-segmentation");

        // Idle: the host started, the subscriptions stored, nothing sent yet.
        await Task.Delay(1000);
        var idleHeap = GC.GetTotalMemory(forceFullCollection: true);
        var idleSet = Process.GetCurrentProcess().WorkingSet64;
        long peakHeap = idleHeap, peakSet = idleSet;

        var clock = Stopwatch.StartNew();
        var publish = Task.Run(() => host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None));
        // The readers ask from a thread of their own, on time however busy the thread pool is.
        var asked = new List<(long Reader, TimeSpan At)>();
        List<double> enqueueing = [], oversleeping = [];
        List<TimeSpan> sampledAt = [];
        var asking = new Thread(() =>
        {
            while (!publish.IsCompleted)
            {
                var reader = FirstReader + asked.Count;
                var before = clock.Elapsed;
                // From the reader too: one person asking four times a second would meet the per-person limit (20 a minute).
                telegram.EnqueueMessage(reader, "/tag llm", fromUserId: reader);
                lock (asked)
                {
                    asked.Add((reader, clock.Elapsed));
                }

                enqueueing.Add((clock.Elapsed - before).TotalMilliseconds);
                var sleep = clock.Elapsed;
                Thread.Sleep(lookupEvery);
                oversleeping.Add((clock.Elapsed - sleep - lookupEvery).TotalMilliseconds);
            }
        }) { IsBackground = true };
        asking.Start();
        while (!publish.IsCompleted)
        {
            // Live memory: what a full collection leaves (garbage not yet collected is not kept). A full collection
            // stops the bot too, so only every five seconds.
            sampledAt.Add(clock.Elapsed);
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: true));
            peakSet = Math.Max(peakSet, Process.GetCurrentProcess().WorkingSet64);
            await Task.WhenAny(publish, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        asking.Join();
        await publish;
        var fanOut = clock.Elapsed;
        await WaitForAnswersAsync(telegram, asked.Count);
        var answers = telegram.Answers;
        var sends = answers.Where(a => a.ChatId < FirstReader && a.StatusCode == 200).ToList();
        var first = sends.Min(a => a.At);
        var last = sends.Max(a => a.At);
        var seconds = (last - first).TotalSeconds;
        var achieved = (sends.Count - 1) / seconds;
        var answered = answers.Where(a => a.ChatId >= FirstReader && a.StatusCode == 200).GroupBy(a => a.ChatId).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        var start = DateTimeOffset.UtcNow - clock.Elapsed;
        var latencies = asked.Where(q => answered.ContainsKey(q.Reader)).Select(q => (answered[q.Reader] - (start + q.At)).TotalMilliseconds).ToList();

        Console.WriteLine($"fan-out of one note to the channel and {subscribers:N0} subscribers; configured and enforced global rate {rate}/s; bot and fake in this process");
        Console.WriteLine("| messages | first to last | rate reached | of configured | 429s | live heap over idle (peak, sampled every 5 s) | working set over idle (peak) | /tag answers | /tag p50 | /tag p99 | /tag max |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {sends.Count:N0} | {seconds:F1} s | {achieved:F1}/s | {achieved / rate:P1} | {telegram.TooManyRequestsSent} | {(peakHeap - idleHeap) / 1048576.0:F1} MB | {(peakSet - idleSet) / 1048576.0:F1} MB | {latencies.Count} | {Percentiles.Ms(Percentiles.Of(latencies, 50))} | {Percentiles.Ms(Percentiles.Of(latencies, 99))} | {Percentiles.Ms(latencies.Max())} |"));
        Console.WriteLine($"publish returned after {fanOut.TotalSeconds:F1} s");
        var readerStatuses = string.Join(", ", answers.Where(a => a.ChatId >= FirstReader).GroupBy(a => a.StatusCode).Select(g => $"{g.Key} ×{g.Count()}"));
        Console.WriteLine($"answers to readers by status: {readerStatuses}");
        foreach (var refused in answers.Where(a => a.StatusCode == 429))
        {
            var sameChat = answers.Where(a => a.ChatId == refused.ChatId).Select(a => $"{a.StatusCode}@{(a.At - first).TotalMilliseconds:F0}");
            Console.WriteLine($"429 to {refused.ChatId}: {string.Join(" ", sameChat)}; sends 1 s before it: {sends.Count(a => a.At <= refused.At && refused.At - a.At < TimeSpan.FromSeconds(1))}");
        }
        var slow = asked.Where(q => answered.ContainsKey(q.Reader)).Select(q => (q.At, Ms: (answered[q.Reader] - (start + q.At)).TotalMilliseconds)).Where(q => q.Ms > 500);
        Console.WriteLine($"answers slower than 500 ms (asked at, took): {string.Join(", ", slow.Select(q => $"{q.At.TotalSeconds:F2} s {q.Ms:F0} ms"))}");
        Console.WriteLine($"heap sampled (full collections) at: {string.Join(", ", sampledAt.Select(t => $"{t.TotalSeconds:F2} s"))}");
        // The reader's thread asks every --lookup-every-ms when it gets the time: what held it back, if it asked less often.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"readers asked {asked.Count} times; queuing a message took p50 {Percentiles.Ms(Percentiles.Of(enqueueing, 50))}, max {Percentiles.Ms(enqueueing.Max())}; sleeps overran by p50 {Percentiles.Ms(Percentiles.Of(oversleeping, 50))}, max {Percentiles.Ms(oversleeping.Max())}"));
        return 0;
    }

    private static async Task WaitForAnswersAsync(FakeTelegramServer telegram, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (telegram.Answers.Count(a => a.ChatId >= FirstReader && a.StatusCode == 200) < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }
}
