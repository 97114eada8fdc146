namespace DigestBot.Platforms.Slack.WebApi;

internal sealed record ChatGetPermalinkResponse
{
    public string Channel { get; init; } = "";

    public string Permalink { get; init; } = "";
}
