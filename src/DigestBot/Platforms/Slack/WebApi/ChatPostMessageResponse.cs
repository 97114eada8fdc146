namespace DigestBot.Platforms.Slack.WebApi;

/// <summary><c>chat.postMessage</c>'s answer: <see cref="Ts"/> is the new message's id within <see cref="Channel"/>.</summary>
internal sealed record ChatPostMessageResponse
{
    public string Channel { get; init; } = "";

    public string Ts { get; init; } = "";
}
