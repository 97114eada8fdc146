namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>A view as Slack stored it.</summary>
internal sealed record PublishedView
{
    public string Id { get; init; } = "";
}
