namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The <c>chat.*</c> methods DigestBot uses; every post waits its turn in its channel first.</summary>
internal sealed class ChatApi(SlackApiClient client, SlackChannelPacer pacer)
{
    public async Task<ChatPostMessageResponse> PostMessageAsync(ChatPostMessageRequest request, CancellationToken ct)
    {
        await pacer.WaitTurnAsync(request.Channel, ct);
        return await client.PostJsonAsync(
            "chat.postMessage",
            request,
            SlackWebApiJsonContext.Default.ChatPostMessageRequest,
            SlackWebApiJsonContext.Default.ChatPostMessageResponse,
            SlackTokenKind.Bot,
            ct);
    }

    public async Task<ChatUpdateResponse> UpdateAsync(ChatUpdateRequest request, CancellationToken ct)
    {
        await pacer.WaitTurnAsync(request.Channel, ct);
        return await client.PostJsonAsync(
            "chat.update",
            request,
            SlackWebApiJsonContext.Default.ChatUpdateRequest,
            SlackWebApiJsonContext.Default.ChatUpdateResponse,
            SlackTokenKind.Bot,
            ct);
    }

    /// <summary>Read methods take form fields, not JSON.</summary>
    public Task<ChatGetPermalinkResponse> GetPermalinkAsync(string channel, string messageTs, CancellationToken ct) =>
        client.PostFormAsync(
            "chat.getPermalink",
            [new("channel", channel), new("message_ts", messageTs)],
            SlackWebApiJsonContext.Default.ChatGetPermalinkResponse,
            SlackTokenKind.Bot,
            ct);
}
