using DigestBot.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Publishing;

public sealed class WaitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-1500)]
    public void A_moment_already_reached_is_not_waited_for(int millisecondsAgo)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

        var wait = Waits.UntilAsync(time.GetUtcNow().AddMilliseconds(millisecondsAgo), time, CancellationToken.None);

        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_moment_ahead_is_waited_for_until_it_comes()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

        var wait = Waits.UntilAsync(time.GetUtcNow().AddSeconds(2), time, CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(1999));
        var before = wait.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(before);
        Assert.True(wait.IsCompletedSuccessfully);
    }
}
