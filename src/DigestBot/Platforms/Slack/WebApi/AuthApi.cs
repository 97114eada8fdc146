namespace DigestBot.Platforms.Slack.WebApi;

internal sealed class AuthApi(SlackApiClient client)
{
    /// <summary>Checks the bot token and says whose it is.</summary>
    public Task<AuthTestResponse> TestAsync(CancellationToken ct) =>
        client.PostFormAsync("auth.test", [], SlackWebApiJsonContext.Default.AuthTestResponse, SlackTokenKind.Bot, ct);
}
