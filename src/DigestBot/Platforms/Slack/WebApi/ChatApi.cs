using DigestBot.Publishing;

namespace DigestBot.Platforms.Slack.WebApi;

/// <summary>The <c>chat.*</c> methods DigestBot uses; every post and edit waits its turn in its channel first, at the priority the caller gives.</summary>
internal sealed class ChatApi(SlackApiClient client, [FromKeyedServices(SlackServiceCollectionExtensions.Pacing)] SendPacer pacer)
{
    public async Task<ChatPostMessageResponse> PostMessageAsync(ChatPostMessageRequest request, SendPriority priority, CancellationToken ct)
    {
        using var permit = await pacer.WaitAsync(request.Channel, isGroupOrChannel: true, priority, ct);
        return await client.PostJsonAsync(
            "chat.postMessage",
            request,
            SlackWebApiJsonContext.Default.ChatPostMessageRequest,
            SlackWebApiJsonContext.Default.ChatPostMessageResponse,
            SlackTokenKind.Bot,
            ct);
    }

    public async Task<ChatUpdateResponse> UpdateAsync(ChatUpdateRequest request, SendPriority priority, CancellationToken ct)
    {
        using var permit = await pacer.WaitAsync(request.Channel, isGroupOrChannel: true, priority, ct);
        return await client.PostJsonAsync(
            "chat.update",
            request,
            SlackWebApiJsonContext.Default.ChatUpdateRequest,
            SlackWebApiJsonContext.Default.ChatUpdateResponse,
            SlackTokenKind.Bot,
            ct);
    }

    /// <summary>Previews under someone else's message: not a post of ours, so it waits for no channel's turn.</summary>
    public Task<SlackResponseStatus> UnfurlAsync(ChatUnfurlRequest request, CancellationToken ct) =>
        client.PostJsonAsync(
            "chat.unfurl",
            request,
            SlackWebApiJsonContext.Default.ChatUnfurlRequest,
            SlackWebApiJsonContext.Default.SlackResponseStatus,
            SlackTokenKind.Bot,
            ct);

    public async Task DeleteAsync(ChatDeleteRequest request, SendPriority priority, CancellationToken ct)
    {
        using var permit = await pacer.WaitAsync(request.Channel, isGroupOrChannel: true, priority, ct);
        await client.PostJsonAsync(
            "chat.delete",
            request,
            SlackWebApiJsonContext.Default.ChatDeleteRequest,
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
