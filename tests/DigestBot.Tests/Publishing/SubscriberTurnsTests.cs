using DigestBot.Publishing;

namespace DigestBot.Tests.Publishing;

/// <summary>Subscribed chats' lanes take turns; channels never wait for one, and a lane that only waits gives its turn back.</summary>
public sealed class SubscriberTurnsTests
{
    private static FakeDestination Chat(string id) => new("telegram:chat:" + id, TimeProvider.System) { IsSubscriber = true };

    [Fact]
    public async Task A_second_subscribed_chat_waits_for_the_turn_and_a_channel_does_not()
    {
        var turns = new SubscriberTurns(1);
        var first = await turns.TakeAsync(Chat("7001"), CancellationToken.None);

        var second = turns.TakeAsync(Chat("7002"), CancellationToken.None);
        var channel = turns.TakeAsync(new FakeDestination("telegram:@digest_channel", TimeProvider.System), CancellationToken.None);

        Assert.True(channel.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Fact]
    public async Task While_a_lane_only_waits_its_turn_goes_to_another_and_it_takes_one_again_after()
    {
        var turns = new SubscriberTurns(1);
        using var waiting = await turns.TakeAsync(Chat("7001"), CancellationToken.None);
        var backOff = new TaskCompletionSource();
        Task<SubscriberTurn>? other = null;

        var away = waiting.AwayAsync(
            async () =>
            {
                other = turns.TakeAsync(Chat("7002"), CancellationToken.None);
                await backOff.Task;
            },
            CancellationToken.None);

        var otherTurn = await other!.WaitAsync(TimeSpan.FromSeconds(30));
        backOff.SetResult();
        await Task.Delay(50);
        Assert.False(away.IsCompleted, "the waiting lane came back while the other held the only turn");
        otherTurn.Dispose();
        await away.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_cancelled_wait_for_a_turn_gives_nothing_back_twice()
    {
        var turns = new SubscriberTurns(1);
        var held = await turns.TakeAsync(Chat("7001"), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var cancelled = turns.TakeAsync(Chat("7002"), cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        held.Dispose();
        held.Dispose();
        var next = await turns.TakeAsync(Chat("7003"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var after = turns.TakeAsync(Chat("7004"), CancellationToken.None);
        Assert.False(after.IsCompleted, "a turn was given back twice, so two lanes hold the only one");
        next.Dispose();
        (await after.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void A_number_of_subscriber_lanes_out_of_range_is_refused_at_start_naming_key_and_value(int lanes)
    {
        var result = new PublishingOptionsValidator().Validate(null, new PublishingOptions { SubscriberLanes = lanes });

        Assert.Equal([$"Publishing:SubscriberLanes '{lanes}' must be from 1 to 10000; the default is 256."], result.Failures);
        Assert.True(new PublishingOptionsValidator().Validate(null, new PublishingOptions()).Succeeded);
    }
}
