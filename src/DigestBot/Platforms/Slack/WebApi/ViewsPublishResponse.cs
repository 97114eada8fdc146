namespace DigestBot.Platforms.Slack.WebApi;

/// <summary><c>views.publish</c>'s answer, with the fields DigestBot reads.</summary>
internal sealed record ViewsPublishResponse
{
    public PublishedView? View { get; init; }
}
