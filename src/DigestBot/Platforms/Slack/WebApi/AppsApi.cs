namespace DigestBot.Platforms.Slack.WebApi;

internal sealed class AppsApi(SlackApiClient client)
{
    /// <summary>A fresh Socket Mode URL; needs the app-level token, not the bot token.</summary>
    public Task<AppsConnectionsOpenResponse> OpenConnectionAsync(CancellationToken ct) =>
        client.PostFormAsync("apps.connections.open", [], SlackWebApiJsonContext.Default.AppsConnectionsOpenResponse, SlackTokenKind.App, ct);
}
