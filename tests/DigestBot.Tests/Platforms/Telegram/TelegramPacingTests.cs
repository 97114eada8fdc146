using System.Globalization;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// Telegram's limits shrunk a hundredfold on both sides (1 s → 10 ms a chat, 20 a minute → 20 per 600 ms a channel,
/// 30 a second → 30 per 10 ms overall): the bot's pacer and the fake's flood control run the same rules.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class TelegramPacingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(600);
    private const int PerWindow = 20;

    private readonly TempFolder folder = new();
    private FakeTelegramServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Shrunken());

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Two_hundred_notes_in_one_slot_go_out_in_order_with_no_429_as_fast_as_the_limits_allow()
    {
        await using var services = TestServices.Create(
            folder,
            new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = fake.Token,
                ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
                ["Telegram:Channel"] = "@digest_channel",
                ["Telegram:Pacing:PerChatInterval"] = "00:00:00.010",
                ["Telegram:Pacing:GroupMessagesPerWindow"] = "20",
                ["Telegram:Pacing:GroupWindow"] = "00:00:00.600",
                ["Telegram:Pacing:GlobalMessagesPerWindow"] = "30",
                ["Telegram:Pacing:GlobalWindow"] = "00:00:00.010",
                ["Schedule:Cron"] = "0 9 * * *",
                ["Schedule:NotesPerSlot"] = "200",
            },
            TimeProvider.System,
            s =>
            {
                s.AddSingleton<DeliveryWorker>();
                s.AddSingleton<SlotScheduler>();
            });
        var titles = Enumerable.Range(1, 200).Select(i => $"Paper {i:000}").ToList();
        await services.GetRequiredService<NoteStore>().ImportAsync(titles.Select(t => NoteFactory.Paper(t)).ToList(), default);
        // The bot was last running yesterday: it starts with one slot's worth, all 200.
        await services.GetRequiredService<DeliveryStore>().SetStateAsync(SlotScheduler.LastSlotKey, NoteRows.Time(DateTimeOffset.UtcNow.AddDays(-1)), default);
        var worker = services.GetRequiredService<DeliveryWorker>();
        var scheduler = services.GetRequiredService<SlotScheduler>();

        await worker.StartAsync(default);
        await scheduler.StartAsync(default);
        try
        {
            await Eventually.TrueAsync(() => fake.SentMessages.Count >= 200, "200 posts", TimeSpan.FromSeconds(60));
        }
        finally
        {
            await scheduler.StopAsync(default);
            await worker.StopAsync(default);
        }

        var sent = fake.SentMessages;
        var calls = fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        var elapsed = sent[^1].At - sent[0].At;
        var busiestWindow = sent.Max(m => sent.Count(o => o.At >= m.At && o.At - m.At < Window));
        // The limits allow 20 at once, then 20 more each time the window slides past: 9 full windows, then the last burst.
        var gaps = sent.Zip(sent.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).Order().ToList();
        var fastestPossible = (titles.Count / PerWindow - 1) * Window;
        // Past start-up (JIT, first connections), eight windows should take eight window lengths.
        var steady = sent[180].At - sent[20].At;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sent.Count} posts, {calls.Count} sendMessage calls, {fake.TooManyRequestsSent} 429s, {elapsed.TotalSeconds:0.000} s from first to last"
            + $" ({sent.Count / elapsed.TotalSeconds:0.0}/s); limit {PerWindow} per {Window.TotalMilliseconds} ms = {PerWindow / Window.TotalSeconds:0.0}/s;"
            + $" fastest possible {fastestPossible.TotalSeconds:0.000} s; busiest {Window.TotalMilliseconds} ms window held {busiestWindow};"
            + $" posts 21 to 181 took {steady.TotalSeconds:0.000} s (the limits allow {(8 * Window).TotalSeconds:0.000} s);"
            + $" gap between posts: median {gaps[gaps.Count / 2]:0.0} ms, 90th percentile {gaps[gaps.Count * 9 / 10]:0.0} ms"));

        Assert.Equal(0, fake.TooManyRequestsSent);
        Assert.Equal(200, calls.Count);
        Assert.Equal(titles, sent.Select(m => TelegramDestinationTests.Title(m.Text)));
        Assert.Equal(PerWindow, busiestWindow);
        // Never faster than the limits allow; how close to them it gets is measured (printed above, and in bench/), not asserted.
        Assert.True(elapsed >= fastestPossible, $"{elapsed} is faster than the limits allow ({fastestPossible})");
        Assert.True(steady >= 8 * Window, $"posts 21 to 181 took {steady}, less than the limits allow ({8 * Window})");
        Assert.All(await services.GetRequiredService<NoteStore>().FailedAsync(default), n => Assert.Fail($"{n.Note.Title} failed"));
    }
}
