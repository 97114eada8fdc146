using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// Options for a fake Telegram whose <c>sendMessage</c> answers only when the test lets it: each waits a minute on a
/// clock the test moves. The bot is then midway through a post, or an answer, for as long as the test likes.
/// </summary>
internal sealed class HeldSends
{
    private static readonly TimeSpan Latency = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider clock = new();

    public FakeTelegramOptions Options => FakeTelegramOptions.Unlimited(clock, Latency);

    /// <summary>Lets the sends waiting answer, a round every <paramref name="every"/> (10 ms), until the condition holds.</summary>
    public async Task ReleaseUntilAsync(Func<bool> condition, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            clock.Advance(Latency);
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(10));
        }
    }
}
