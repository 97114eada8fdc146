using DigestBot.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Publishing;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void With_Telegram_s_limits_a_channel_gets_20_posts_a_minute_a_second_apart()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);

        var sent = Enumerable.Range(0, 200).Select(_ => Send(pacer, time, "@channel", isGroupOrChannel: true) - Start).ToList();

        // A burst of 20 a second apart, then the window slides: post 21 goes exactly a minute after post 1.
        Assert.Equal(TimeSpan.FromSeconds(19), sent[19]);
        Assert.Equal(TimeSpan.FromSeconds(60), sent[20]);
        Assert.Equal(TimeSpan.FromSeconds(559), sent[199]);
        Assert.All(sent.Zip(sent.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1)));
        Assert.All(Enumerable.Range(20, 180), i => Assert.True(sent[i] - sent[i - 20] >= TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_private_chat_has_no_window_only_the_gap()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);

        var sent = Enumerable.Range(0, 30).Select(_ => Send(pacer, time, "4242", isGroupOrChannel: false) - Start).ToList();

        Assert.Equal(TimeSpan.FromSeconds(29), sent[^1]);
    }

    [Fact]
    public void All_chats_together_stay_under_the_global_limit()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);

        var sent = Enumerable.Range(0, 90).Select(i => Send(pacer, time, $"chat{i}", isGroupOrChannel: false) - Start).ToList();

        Assert.Equal(30, sent.Count(t => t == TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromSeconds(1), sent[30]);
        Assert.Equal(TimeSpan.FromSeconds(2), sent[89]);
    }

    [Fact]
    public void A_slow_answer_counts_from_when_it_arrived()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);

        var first = Send(pacer, time, "@channel", isGroupOrChannel: true, answerTakes: TimeSpan.FromMilliseconds(700));
        var second = Send(pacer, time, "@channel", isGroupOrChannel: true);

        Assert.Equal(Start, first);
        Assert.Equal(Start + TimeSpan.FromMilliseconds(1700), second);
    }

    [Fact]
    public void While_a_message_is_in_flight_the_next_one_to_that_chat_waits()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);

        Assert.True(pacer.TryEnter("@channel", true, out var inFlight, out _));
        time.Advance(TimeSpan.FromSeconds(5));
        var blocked = pacer.TryEnter("@channel", true, out _, out var wait);
        var otherChat = pacer.TryEnter("@other", true, out var other, out _);
        inFlight.Dispose();
        other!.Dispose();

        Assert.False(blocked);
        Assert.Equal(TimeSpan.FromSeconds(1), wait);
        Assert.True(otherChat);
    }

    [Fact]
    public async Task WaitAsync_sleeps_on_the_injected_clock_and_can_be_cancelled()
    {
        var time = new FakeTimeProvider(Start);
        var pacer = new SendPacer(new PacingOptions(), time);
        (await pacer.WaitAsync("@channel", true, default)).Dispose();

        var waiting = pacer.WaitAsync("@channel", true, default);
        using var cts = new CancellationTokenSource();
        var cancelled = pacer.WaitAsync("@channel", true, cts.Token);
        await cts.CancelAsync();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await waiting).Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), time.GetUtcNow());
    }

    [Fact]
    public void Impossible_limits_are_named_with_their_key()
    {
        var validator = new PacingOptionsValidator("Telegram:Pacing");

        var bad = validator.Validate("Telegram:Pacing", new PacingOptions { GroupMessagesPerWindow = 0, PerChatInterval = TimeSpan.FromSeconds(-1) });
        var otherName = validator.Validate("Slack:Pacing", new PacingOptions { GroupMessagesPerWindow = 0 });

        Assert.Equal(
            "Telegram:Pacing:PerChatInterval '-00:00:01' must not be negative; Telegram's limit is 00:00:01.; "
            + "Telegram:Pacing:GroupMessagesPerWindow '0' and Telegram:Pacing:GlobalMessagesPerWindow '30' must be at least 1; Telegram's are 20 and 30.",
            bad.FailureMessage);
        Assert.True(otherName.Skipped);
        Assert.True(validator.Validate("Telegram:Pacing", new PacingOptions()).Succeeded);
    }

    private static DateTimeOffset Send(SendPacer pacer, FakeTimeProvider time, string chat, bool isGroupOrChannel, TimeSpan answerTakes = default)
    {
        IDisposable? permit;
        while (!pacer.TryEnter(chat, isGroupOrChannel, out permit, out var wait))
        {
            time.Advance(wait);
        }

        var at = time.GetUtcNow();
        time.Advance(answerTakes);
        permit.Dispose();
        return at;
    }
}
