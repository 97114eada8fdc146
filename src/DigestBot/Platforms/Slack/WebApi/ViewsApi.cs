namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The <c>views.*</c> methods DigestBot uses: the App Home tab.</summary>
internal sealed class ViewsApi(SlackApiClient client)
{
    /// <summary>Shows <paramref name="view"/> as <paramref name="userId"/>'s App Home, replacing what was there.</summary>
    public Task<ViewsPublishResponse> PublishAsync(string userId, HomeView view, CancellationToken ct) =>
        client.PostJsonAsync(
            "views.publish",
            new ViewsPublishRequest(userId, view),
            SlackWebApiJsonContext.Default.ViewsPublishRequest,
            SlackWebApiJsonContext.Default.ViewsPublishResponse,
            SlackTokenKind.Bot,
            ct);
}
