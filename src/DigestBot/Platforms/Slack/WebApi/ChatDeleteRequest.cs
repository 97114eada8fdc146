namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The body of <c>chat.delete</c>: the message <see cref="Ts"/> in <see cref="Channel"/> goes.</summary>
internal sealed record ChatDeleteRequest(string Channel, string Ts);
