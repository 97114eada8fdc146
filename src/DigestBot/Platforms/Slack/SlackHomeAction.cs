using DigestBot.Chat;
using DigestBot.Platforms.Slack.Wire;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Subscribe/Unsubscribe in the App Home: the presser's own subscription (keyed by their member id, see
/// <see cref="SlackAppHome"/>) changes through the same <c>/subscribe</c> and <c>/unsubscribe</c> commands a chat
/// sends, then their Home is published again to show it.
/// </summary>
internal sealed class SlackHomeAction(Conversation conversation, SubscriptionStore subscriptions, SlackAppHome home, IOptions<SlackOptions> options, ILogger<SlackHomeAction> log)
    : ISlackAction
{
    public IReadOnlyList<string> ActionIds { get; } = [SlackHomeView.SubscribeAction, SlackHomeView.UnsubscribeAction];

    public async Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct)
    {
        var user = interaction.User!.Id;
        if (SlackHomeView.TagOf(action.Value) is not { } tag)
        {
            Log.HomeButtonRefused(log, action.ActionId, user);
        }
        else if (action.ActionId == SlackHomeView.SubscribeAction)
        {
            await RunAsync(user, tag == SlackHomeView.Everything ? "/subscribe" : "/subscribe " + tag, ct);
        }
        else if (tag == SlackHomeView.Everything)
        {
            await RunAsync(user, "/unsubscribe", ct);
        }
        else if (await subscriptions.FindAsync(SlackChatSender.PlatformName, user, ct) is { Everything: false } mine && mine.Tags.Contains(tag, StringComparer.Ordinal))
        {
            // The commands know no "unsubscribe from one tag": all of it ends, and the rest is asked for again.
            await RunAsync(user, "/unsubscribe", ct);
            var rest = mine.Tags.Where(t => t != tag).ToList();
            if (rest.Count > 0)
            {
                await RunAsync(user, "/subscribe " + string.Join(' ', rest), ct);
            }
        }

        await home.PublishAsync(user, ct);
    }

    private Task<ChatAnswer?> RunAsync(string user, string command, CancellationToken ct) =>
        conversation.HandleAsync(new ChatMessage(ChatPlatform.Slack, user, user, command, options.Value.IsCurator(user)) { Kind = ChatKind.Private }, ct);
}
