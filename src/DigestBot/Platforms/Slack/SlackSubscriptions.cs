using DigestBot.Chat;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// <c>/subscribe [tag…]</c> and <c>/unsubscribe</c> from Slack: <see cref="ChatSubscriptions"/> with the channel id as
/// the chat, except in <see cref="SlackOptions.Channel"/>, which receives every post anyway. The bot can post only
/// where it is a member, and a slash command works in any channel, so a subscription's answer says how to invite it
/// unless Slack says it is in the channel already.
/// </summary>
internal sealed class SlackSubscriptions(
    ChatSubscriptions subscriptions, ConversationsApi conversations, IOptions<SlackOptions> options, ILogger<SlackSubscriptions> log)
{
    public const string InviteHint = "If I am not in this channel yet, send /invite @DigestBot so I can post here.";

    private readonly string? postingChannel = PostingChannel(options.Value);

    /// <summary>The configured channel's id, or null when Slack only answers commands.</summary>
    public static string? PostingChannel(SlackOptions options) =>
        string.IsNullOrWhiteSpace(options.Channel) ? null : options.Channel.Trim();

    /// <returns>The answer, or null when the message is not <c>/subscribe</c> or <c>/unsubscribe</c>.</returns>
    public async Task<ChatReply?> HandleAsync(ChatMessage message, CancellationToken ct)
    {
        if (ChatCommand.Parse(message.Text) is not { } command || !ChatSubscriptions.Handles(command))
        {
            return null;
        }

        if (message.ChatId == postingChannel)
        {
            return ChatReply.Text(
                "This is DigestBot's channel: it receives every new post already.",
                "Send /subscribe in another channel, or in a direct message to me, to receive posts there too.");
        }

        var reply = await subscriptions.HandleAsync(message, command, ct);
        // Direct-message channels (D…) need no invitation.
        return command.Name == "subscribe" && !message.ChatId.StartsWith('D') && !await IsMemberAsync(message.ChatId, ct)
            ? reply with { Lines = [.. reply.Lines, InviteHint] }
            : reply;
    }

    /// <summary>False also when Slack cannot say (no <c>channels:read</c> scope, an outage): then the hint is shown.</summary>
    private async Task<bool> IsMemberAsync(string channel, CancellationToken ct)
    {
        try
        {
            return (await conversations.InfoAsync(channel, ct)).Channel.IsMember;
        }
        catch (SlackApiException ex)
        {
            Log.MembershipUnknown(log, channel, ex.Message);
            return false;
        }
    }
}
