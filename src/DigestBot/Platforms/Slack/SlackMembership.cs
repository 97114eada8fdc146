using DigestBot.Chat;
using DigestBot.Platforms.Slack.WebApi;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Slack's rules for subscriptions: <see cref="SlackOptions.Channel"/> receives every post anyway, and the bot can post
/// only where it is a member while a slash command works in any channel, so <see cref="ChatSubscriptions"/> says how
/// to invite it unless Slack says it is in the channel already.
/// </summary>
internal sealed class SlackMembership(ConversationsApi conversations, IOptions<SlackOptions> options, ILogger<SlackMembership> log) : IChatMembership
{
    private readonly string? postingChannel = PostingChannel(options.Value);

    public ChatPlatform Platform => ChatPlatform.Slack;

    /// <summary>The configured channel's id, or null when Slack only answers commands.</summary>
    public static string? PostingChannel(SlackOptions options) =>
        string.IsNullOrWhiteSpace(options.Channel) ? null : options.Channel.Trim();

    public bool IsPostingChannel(string chatId) => chatId == postingChannel;

    /// <summary>False also when Slack cannot say (no <c>channels:read</c> scope, an outage): then the hint is shown.</summary>
    public async Task<bool> CanPostAsync(string chatId, CancellationToken ct)
    {
        // Direct-message channels (D…) need no invitation, nor a member id (U…, W…), whose posts go to the app's Messages tab.
        if (chatId.StartsWith('D') || chatId.StartsWith('U') || chatId.StartsWith('W'))
        {
            return true;
        }

        try
        {
            return (await conversations.InfoAsync(chatId, ct)).Channel.IsMember;
        }
        catch (SlackApiException ex)
        {
            Log.MembershipUnknown(log, chatId, ex.Message);
            return false;
        }
    }
}
