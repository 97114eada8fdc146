using System.Text.Json.Serialization;
using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Formatting.Slack;

/// <summary>The body of chat.postMessage; the client adds <c>channel</c> (and <c>thread_ts</c> for a continuation).</summary>
/// <param name="Text">The notification fallback, in mrkdwn.</param>
/// <param name="ReplyToPart">For a continuation of a note too long for one message: the message it continues.</param>
internal sealed record SlackMessage(
    string Text,
    IReadOnlyList<Block> Blocks,
    bool UnfurlLinks = false,
    bool UnfurlMedia = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReplyToPart = null)
{
    public const int MaxTextLength = 40000;
}
