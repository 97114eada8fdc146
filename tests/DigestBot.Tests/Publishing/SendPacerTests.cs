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
        (await pacer.WaitAsync("@channel", true, SendPriority.Post, default)).Dispose();

        var waiting = pacer.WaitAsync("@channel", true, SendPriority.Post, default);
        using var cts = new CancellationTokenSource();
        var cancelled = pacer.WaitAsync("@channel", true, SendPriority.Post, cts.Token);
        await cts.CancelAsync();
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await waiting).Dispose();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(Start + TimeSpan.FromSeconds(1), time.GetUtcNow());
    }

    [Fact]
    public async Task A_post_waiting_for_the_overall_window_goes_before_an_answer_that_waited_longer()
    {
        var time = new FakeTimeProvider(Start);
        using var pacer = new SendPacer(OnePerSecondOverall, time);
        (await pacer.WaitAsync("1001", false, SendPriority.Answer, default)).Dispose();

        var answer = pacer.WaitAsync("4242", false, SendPriority.Answer, default);
        var copy = pacer.WaitAsync("-100200", true, SendPriority.SubscriberCopy, default);
        var post = pacer.WaitAsync("@channel", true, SendPriority.Post, default);
        Assert.Equal(3, pacer.Waiting);

        time.Advance(TimeSpan.FromSeconds(1));
        var afterOne = (post.IsCompleted, answer.IsCompleted, copy.IsCompleted);
        (await post).Dispose();
        time.Advance(TimeSpan.FromSeconds(1));
        var afterTwo = (answer.IsCompleted, copy.IsCompleted);
        (await answer).Dispose();
        time.Advance(TimeSpan.FromSeconds(1));
        (await copy).Dispose();

        Assert.Equal((true, false, false), afterOne);
        Assert.Equal((true, false), afterTwo);
        Assert.Equal(0, pacer.Waiting);
    }

    [Fact]
    public async Task Within_a_priority_the_first_to_wait_goes_first()
    {
        var time = new FakeTimeProvider(Start);
        using var pacer = new SendPacer(OnePerSecondOverall, time);
        (await pacer.WaitAsync("1001", false, SendPriority.Answer, default)).Dispose();
        var granted = new List<string>();
        var waiting = new[] { "5005", "3003", "4004", "2002" }
            .Select(chat => (chat, task: pacer.WaitAsync(chat, false, SendPriority.Answer, default)))
            .ToList();

        for (var second = 1; second <= waiting.Count; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            foreach (var (chat, task) in waiting.Where(w => w.task.IsCompleted && !granted.Contains(w.chat)).ToList())
            {
                granted.Add(chat);
                (await task).Dispose();
            }
        }

        Assert.Equal(["5005", "3003", "4004", "2002"], granted);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_the_one_behind_it_takes_its_turn()
    {
        var time = new FakeTimeProvider(Start);
        using var pacer = new SendPacer(OnePerSecondOverall, time);
        (await pacer.WaitAsync("1001", false, SendPriority.Answer, default)).Dispose();
        using var cts = new CancellationTokenSource();
        var post = pacer.WaitAsync("@channel", true, SendPriority.Post, cts.Token);
        var answer = pacer.WaitAsync("4242", false, SendPriority.Answer, default);

        await cts.CancelAsync();
        var waitingAfterCancel = pacer.Waiting;
        time.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => post);
        Assert.Equal(1, waitingAfterCancel);
        Assert.True(answer.IsCompleted);
        (await answer).Dispose();
    }

    [Fact]
    public async Task A_post_held_by_its_own_channel_s_gap_does_not_hold_an_answer_to_someone_else()
    {
        var time = new FakeTimeProvider(Start);
        using var pacer = new SendPacer(new PacingOptions(), time);
        (await pacer.WaitAsync("@channel", true, SendPriority.Post, default)).Dispose();

        var post = pacer.WaitAsync("@channel", true, SendPriority.Post, default);
        var answer = pacer.WaitAsync("4242", false, SendPriority.Answer, default);
        var answerAtOnce = answer.IsCompleted;
        (await answer).Dispose();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(answerAtOnce);
        Assert.True(post.IsCompleted);
        (await post).Dispose();
    }

    private static PacingOptions OnePerSecondOverall => new()
    {
        PerChatInterval = TimeSpan.Zero,
        GroupWindow = TimeSpan.Zero,
        GlobalWindow = TimeSpan.FromSeconds(1),
        GlobalMessagesPerWindow = 1,
    };

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
