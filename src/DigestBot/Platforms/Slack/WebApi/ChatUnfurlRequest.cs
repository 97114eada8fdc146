namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>
/// The body of <c>chat.unfurl</c>: the <see cref="Unfurls"/>, keyed by each link exactly as it was posted, for the message
/// <see cref="Ts"/> in <see cref="Channel"/>; or, for links still in the composer, for <see cref="UnfurlId"/> and <see cref="Source"/>.
/// </summary>
internal sealed record ChatUnfurlRequest(IReadOnlyDictionary<string, SlackUnfurl> Unfurls)
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }

    public string? UnfurlId { get; init; }

    public string? Source { get; init; }
}
