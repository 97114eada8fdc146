using DigestBot.Chat;
using DigestBot.Formatting.Slack;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// The Slack channel to post to, when <see cref="SlackOptions.Channel"/> names one (Slack may be used for commands only),
/// and every channel that subscribed, read fresh at every slot.
/// </summary>
internal sealed class SlackDestinations(
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chatOptions,
    SubscriptionStore subscriptions,
    ChatApi chat,
    ConversationsApi conversations,
    ILogger<SlackDestination> log) : IDestinationSource
{
    private readonly string withdrawnText = ChatText.Get(chatOptions.Value.ParsedLanguage, ChatTextKey.WithdrawnPlaceholder);
    private readonly SlackNoteRenderer renderer = new();
    private readonly string? configured = SlackMembership.PostingChannel(options.Value);

    public async Task<IReadOnlyList<IDestination>> GetAsync(CancellationToken ct)
    {
        var destinations = new List<IDestination>();
        if (configured is not null)
        {
            destinations.Add(new SlackDestination(configured, chat, conversations, renderer, log) { WithdrawnText = withdrawnText });
        }

        foreach (var subscription in await subscriptions.AllAsync(SlackChatSender.PlatformName, ct))
        {
            // Subscribed before it became Slack:Channel: it gets every post once, as the configured channel.
            if (subscription.ChatId == configured)
            {
                continue;
            }

            destinations.Add(new SlackDestination(subscription.ChatId, chat, conversations, renderer, log)
            {
                Key = SlackDestination.SubscriberKeyPrefix + subscription.ChatId,
                Tags = subscription.Tags,
                OnChannelClosed = closedCt => subscriptions.UnsubscribeAsync(SlackChatSender.PlatformName, subscription.ChatId, closedCt),
                WithdrawnText = withdrawnText,
            });
        }

        return destinations;
    }
}
