namespace DigestBot.Platforms.Slack.WebApi;

internal sealed class ConversationsApi(SlackApiClient client)
{
    /// <summary>
    /// A channel as the bot sees it (<c>conversations.info</c>; needs <c>channels:read</c>, and <c>groups:read</c> for
    /// private channels).
    /// </summary>
    public Task<ConversationsInfoResponse> InfoAsync(string channel, CancellationToken ct) =>
        client.PostFormAsync(
            "conversations.info",
            [new("channel", channel)],
            SlackWebApiJsonContext.Default.ConversationsInfoResponse,
            SlackTokenKind.Bot,
            ct);
}
