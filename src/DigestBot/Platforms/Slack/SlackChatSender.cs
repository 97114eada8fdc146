using DigestBot.Chat;
using DigestBot.Platforms.Slack.WebApi;

namespace DigestBot.Platforms.Slack;

/// <summary>Posts chat answers into a Slack thread; also how the shared chat code reaches Slack later (late metadata).</summary>
internal sealed class SlackChatSender(ChatApi chat, SlackReplies replies, ILogger<SlackChatSender> log) : IChatNotifier
{
    public static readonly string PlatformName = ChatPlatform.Slack.Name();

    public ChatPlatform Platform => ChatPlatform.Slack;

    /// <returns>The answer's <c>ts</c>.</returns>
    public async Task<string> SendAsync(string channel, string? threadTs, ChatReply reply, CancellationToken ct)
    {
        var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(replies.Render(reply), channel, threadTs), ct);
        Log.Answered(log, channel, posted.Ts);
        return posted.Ts;
    }

    public Task NotifyAsync(string chatId, string? replyToMessageId, ChatReply reply, CancellationToken ct) =>
        SendAsync(chatId, replyToMessageId, reply, ct);
}
