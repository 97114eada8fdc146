using DigestBot.Chat;
using DigestBot.Publishing;
using DigestBot.Platforms.Slack.WebApi;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Every chat answer posted into Slack leaves through here, into the thread it answers; also how the shared chat code
/// reaches Slack later (late metadata). Slash commands are answered in their HTTP response or <c>response_url</c> instead.
/// </summary>
internal sealed class SlackChatSender(ChatApi chat, ILogger<SlackChatSender> log) : IChatNotifier
{
    public static readonly string PlatformName = ChatPlatform.Slack.Name();

    public ChatPlatform Platform => ChatPlatform.Slack;

    /// <returns>The answer's <c>ts</c>.</returns>
    public async Task<string> SendAsync(string channel, string? threadTs, ChatReply reply, CancellationToken ct)
    {
        var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(SlackReplyRenderer.Render(reply), channel, threadTs), SendPriority.Answer, ct);
        Log.Answered(log, channel, posted.Ts);
        return posted.Ts;
    }

    public Task NotifyAsync(string chatId, string? replyToMessageId, ChatReply reply, CancellationToken ct) =>
        SendAsync(chatId, replyToMessageId, reply, ct);
}
