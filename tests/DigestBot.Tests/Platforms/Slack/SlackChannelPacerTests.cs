using DigestBot.Platforms.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Platforms.Slack;

public sealed class SlackChannelPacerTests
{
    [Fact]
    public async Task Messages_into_one_channel_go_a_second_apart_and_other_channels_do_not_wait()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        var pacer = new SlackChannelPacer(Options.Create(new SlackOptions { MessageInterval = TimeSpan.FromSeconds(1) }), time);

        var first = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var second = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var third = pacer.WaitTurnAsync("C1", CancellationToken.None);
        var elsewhere = pacer.WaitTurnAsync("C2", CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(elsewhere.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third;
    }

    [Fact]
    public async Task After_a_quiet_spell_the_next_message_goes_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        var pacer = new SlackChannelPacer(Options.Create(new SlackOptions { MessageInterval = TimeSpan.FromSeconds(1) }), time);

        await pacer.WaitTurnAsync("C1", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var later = pacer.WaitTurnAsync("C1", CancellationToken.None);

        Assert.True(later.IsCompletedSuccessfully);
    }
}
