namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The body of <c>views.publish</c>: <see cref="UserId"/>'s App Home shows <see cref="View"/>.</summary>
internal sealed record ViewsPublishRequest(string UserId, HomeView View);
