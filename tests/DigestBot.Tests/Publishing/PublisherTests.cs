using DigestBot.Chat;
using DigestBot.Platforms.Console;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Publishing;

public sealed class PublisherTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_delivery_goes_pending_then_sending_then_sent_with_the_message_ids()
    {
        var destination = new FakeDestination("fake", TimeProvider.System) { PartsPerNote = 2 };
        using var services = Services(destination);
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var publisher = services.GetRequiredService<Publisher>();
        await Import(services, "One");
        var taken = await publisher.TakeAsync(1, null, default);
        var pending = await deliveries.FindAsync(taken[0].Id, "fake", default);
        DeliveryRecord? during = null;
        destination.DuringSend = async _ => during = await deliveries.FindAsync(taken[0].Id, "fake", default);

        await publisher.DeliverUnfinishedAsync(default);
        var sent = await deliveries.FindAsync(taken[0].Id, "fake", default);

        Assert.Equal(DeliveryState.Pending, pending?.State);
        Assert.Equal(DeliveryState.Sending, during?.State);
        Assert.Equal(DeliveryState.Sent, sent?.State);
        Assert.Equal(["One#1", "One#2"], sent?.MessageIds);
        Assert.Equal("https://example.test/fake/One#1", sent?.Permalink);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_until_the_note_is_sent()
    {
        var failures = new Queue<Exception>([new HttpRequestException("connection reset"), new TimeoutException("slow"), new IOException("broken pipe")]);
        var destination = new FakeDestination("fake", TimeProvider.System) { FailWith = (_, _) => failures.TryDequeue(out var e) ? e : null };
        using var services = Services(destination);
        await Import(services, "One", "Two");

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);

        Assert.Equal(["One", "Two"], destination.PostedTitles);
        Assert.Equal(5, destination.Calls.Count);
        var one = await services.GetRequiredService<NoteStore>().FindByKeyAsync(NoteFactory.Paper("One"), default);
        Assert.Equal(4, one!.Deliveries.Single().Attempts);
    }

    [Fact]
    public async Task A_permanent_refusal_marks_the_delivery_failed_shows_it_in_queue_and_the_next_note_still_goes()
    {
        var destination = new FakeDestination("fake", TimeProvider.System)
        {
            FailWith = (note, _) => note.Title == "One" ? new PlatformException(PlatformErrorKind.ThisMessage, "Bad Request: message is too long", "Bad Request: message is too long") : null,
        };
        using var services = Services(destination);
        await Import(services, "One", "Two", "Three");

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var handler = services.GetRequiredService<ChatCommandHandler>();
        var queue = ConsoleReplyFormatter.Format(new ChatReplyLayout(handler).For(ChatPlatform.Console, await handler.QueueAsync(default)));

        Assert.Equal(["Two"], destination.PostedTitles);
        Assert.Single(destination.Calls, c => c.Title == "One");
        Assert.Contains("Failed: “One” (note 1) to fake: Bad Request: message is too long", queue, StringComparison.Ordinal);
        Assert.StartsWith("1 note queued", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_after_is_waited_exactly_then_the_same_part_is_sent_again()
    {
        var time = new WatchedTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var asked = 0;
        var destination = new FakeDestination("fake", time)
        {
            PartsPerNote = 2,
            FailWith = (_, part) => part == 2 && Interlocked.Increment(ref asked) == 1 ? new PlatformException(PlatformErrorKind.Transient, "Too Many Requests", "429", retryAfter: TimeSpan.FromSeconds(7)) : null,
        };
        using var services = Services(destination, time);
        await Import(services, "One");
        var start = time.GetUtcNow();

        var publishing = services.GetRequiredService<Publisher>().PublishNextAsync(1, default);
        await Eventually.TrueAsync(() => destination.Calls.Count == 1 && asked == 1, "the 429");
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(7), "the publisher to wait out the 429");
        time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(7), "the publisher to wait on, a millisecond before the end");
        var callsBeforeTheWaitIsOver = destination.Calls.Count;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await publishing;

        Assert.Equal(1, callsBeforeTheWaitIsOver);
        Assert.Equal(2, destination.Calls.Count);
        Assert.Equal(start + TimeSpan.FromSeconds(7), destination.Calls[1].At);
        Assert.Equal(["One#1"], destination.Calls[1].AlreadySent);
        Assert.Equal(["One#1", "One#2"], destination.Parts.Select(p => p.MessageId));
    }

    [Fact]
    public async Task After_a_crash_mid_note_the_next_part_is_sent_not_the_first_and_the_log_says_a_repeat_is_possible()
    {
        var destination = new FakeDestination("fake", TimeProvider.System) { PartsPerNote = 3 };
        using var services = Services(destination);
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var publisher = services.GetRequiredService<Publisher>();
        await Import(services, "One", "Two");
        var taken = await publisher.TakeAsync(2, null, default);
        // What a process killed after the platform accepted part 1 of "One" leaves behind.
        await deliveries.MarkSendingAsync(taken[0].Id, "fake", default);
        await deliveries.MarkPartSentAsync(taken[0].Id, "fake", "One#1", default);

        await publisher.DeliverUnfinishedAsync(default);

        Assert.Equal(["One#2", "One#3", "Two#1", "Two#2", "Two#3"], destination.Parts.Select(p => p.MessageId));
        Assert.Equal(["One#1"], destination.Calls[0].AlreadySent);
        Assert.Equal(["One#1", "One#2", "One#3"], (await deliveries.FindAsync(taken[0].Id, "fake", default))?.MessageIds);
        var warning = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains("Resuming note", warning.Message, StringComparison.Ordinal);
        Assert.Contains("may appear twice", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_is_posted_once_per_destination_however_often_delivery_runs()
    {
        var a = new FakeDestination("a", TimeProvider.System);
        var b = new FakeDestination("b", TimeProvider.System);
        using var services = Services([a, b]);
        var publisher = services.GetRequiredService<Publisher>();
        await Import(services, "One", "Two");

        await publisher.PublishNextAsync(1, default);
        await publisher.DeliverUnfinishedAsync(default);
        await publisher.PublishNextAsync(5, default);
        await publisher.PublishNextAsync(5, default);

        Assert.Equal(["One", "Two"], a.PostedTitles);
        Assert.Equal(["One", "Two"], b.PostedTitles);
    }

    [Fact]
    public async Task A_destination_that_keeps_failing_does_not_hold_back_another()
    {
        var down = new FakeDestination("down", TimeProvider.System) { FailWith = (_, _) => new HttpRequestException("503") };
        var up = new FakeDestination("up", TimeProvider.System);
        using var services = Services([down, up]);
        var publisher = services.GetRequiredService<Publisher>();
        await Import(services, "One", "Two");
        await publisher.TakeAsync(2, null, default);
        using var stop = new CancellationTokenSource();

        var stuck = publisher.DeliverToAsync(down, stop.Token);
        await publisher.DeliverToAsync(up, default);
        var downCalls = down.Calls.Count;
        await stop.CancelAsync();

        Assert.Equal(["One", "Two"], up.PostedTitles);
        Assert.True(downCalls >= 1);
        Assert.All(down.Calls, c => Assert.Equal("One", c.Title));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stuck);
    }

    private ServiceProvider Services(FakeDestination destination, TimeProvider? time = null) => Services([destination], time);

    private ServiceProvider Services(IReadOnlyList<FakeDestination> destinations, TimeProvider? time = null) =>
        TestServices.Create(folder, time: time ?? TimeProvider.System, configure: services =>
        {
            services.RemoveAll<IDestination>();
            foreach (var destination in destinations)
            {
                services.AddSingleton<IDestination>(destination);
            }

            services.AddFakeLogging();
        });

    private static async Task Import(ServiceProvider services, params string[] titles) =>
        await services.GetRequiredService<NoteStore>().ImportAsync(titles.Select(t => NoteFactory.Paper(t)).ToList(), default);
}
