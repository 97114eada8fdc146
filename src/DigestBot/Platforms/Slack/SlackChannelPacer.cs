using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Spaces messages into one channel by <see cref="SlackOptions.MessageInterval"/> before they are sent,
/// so Slack's per-channel limit is met by waiting rather than by 429s. Channels do not wait for each other.
/// </summary>
internal sealed class SlackChannelPacer(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset> nextTurn = new(StringComparer.Ordinal);

    public async Task WaitTurnAsync(string channel, CancellationToken ct)
    {
        var interval = options.Value.MessageInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        DateTimeOffset turn;
        var now = time.GetUtcNow();
        lock (gate)
        {
            turn = nextTurn.TryGetValue(channel, out var next) && next > now ? next : now;
            nextTurn[channel] = turn + interval;
        }

        if (turn > now)
        {
            await Task.Delay(turn - now, time, ct);
        }
    }
}
