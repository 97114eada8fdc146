namespace DigestBot.Platforms.Slack.WebApi;

internal sealed record ChatUpdateResponse
{
    public string Channel { get; init; } = "";

    public string Ts { get; init; } = "";
}
