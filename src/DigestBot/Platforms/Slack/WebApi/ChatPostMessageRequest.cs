using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The body of <c>chat.postMessage</c>.</summary>
/// <param name="Text">The notification fallback, in mrkdwn; always sent.</param>
/// <param name="ThreadTs">The message to reply under, for a thread reply.</param>
internal sealed record ChatPostMessageRequest(
    string Channel,
    string Text,
    IReadOnlyList<Block>? Blocks,
    string? ThreadTs = null,
    bool UnfurlLinks = false,
    bool UnfurlMedia = false)
{
    public static ChatPostMessageRequest From(SlackMessage message, string channel, string? threadTs) =>
        new(channel, message.Text, message.Blocks, threadTs, message.UnfurlLinks, message.UnfurlMedia);
}
