using DigestBot.Notes;
using DigestBot.Publishing;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Stands for the channel when a test only needs delivery records marked sent, not messages.</summary>
internal sealed class FakeChannelDestination(string key) : IDestination
{
    public string Key => key;

    public Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct) =>
        throw new NotSupportedException("Tests mark these deliveries sent directly.");
}
