using DigestBot.Chat;

namespace DigestBot.Platforms.Slack;

/// <summary>Queues the papers a curator's message links to; the answer is posted in the message's thread.</summary>
internal interface ISlackLinkIntake
{
    /// <returns>What was queued and when it goes out; null when none of the links is a paper.</returns>
    Task<ChatReply?> QueueAsync(ChatMessage message, IReadOnlyList<string> links, CancellationToken ct);
}
