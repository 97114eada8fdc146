using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack.Wire;

/// <summary>
/// An answer to a slash command: the HTTP response body, the Socket Mode acknowledgement's payload,
/// or a post to <c>response_url</c>. Ephemeral answers are seen only by the person who asked.
/// </summary>
internal sealed record SlackCommandResponse(string Text, IReadOnlyList<Block>? Blocks, string ResponseType = SlackCommandResponse.Ephemeral)
{
    public const string Ephemeral = "ephemeral";

    /// <summary>For an answer to a button through its <c>response_url</c>: the message with the button gives way to this one.</summary>
    public bool? ReplaceOriginal { get; init; }
}
