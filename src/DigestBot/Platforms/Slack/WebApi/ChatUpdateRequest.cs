using DigestBot.Formatting.Slack.Blocks;

namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The body of <c>chat.update</c>: the message <see cref="Ts"/> in <see cref="Channel"/> gets new text and blocks.</summary>
internal sealed record ChatUpdateRequest(string Channel, string Ts, string Text, IReadOnlyList<Block>? Blocks);
