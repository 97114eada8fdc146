using DigestBot.Chat;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Publishes a reader's App Home (<c>views.publish</c>) when they open it and after they press one of its buttons.
/// </summary>
/// <remarks>
/// On Slack a reader's own subscription is the one keyed by their member id (<c>U…</c>): posting to a member id lands
/// in the app's Messages tab for that person, and the id comes from Slack with every event and button press, so no
/// one can reach another person's subscription. A channel's subscription (<c>/subscribe</c> typed there) stays the channel's.
/// </remarks>
internal sealed class SlackAppHome(
    ViewsApi views,
    ArchiveStore archive,
    NoteStore notes,
    SubscriptionStore subscriptions,
    Conversation conversation,
    IOptions<SlackOptions> options,
    IOptions<ChatOptions> chat,
    ILogger<SlackAppHome> log)
{
    public async Task PublishAsync(string userId, CancellationToken ct)
    {
        // Slack answers in Chat:Language; the view is built here, outside a conversation turn that would set it.
        ChatText.Language = chat.Value.ParsedLanguage;
        var newest = (await archive.NewestAsync(0, SlackHomeView.MaxNewest, ct)).Select(Post).ToList();
        var tags = await notes.TagsAsync(includeQueued: false, ct);
        var mine = await subscriptions.FindAsync(SlackChatSender.PlatformName, userId, ct);
        var queue = options.Value.IsCurator(userId) ? await QueueAsync(userId, ct) : null;
        var view = SlackHomeView.Build(newest, tags, mine, queue);
        await views.PublishAsync(userId, view, ct);
        Log.HomePublished(log, userId, view.Blocks.Count);
    }

    /// <summary>What <c>/queue</c> answers the curator, as its Slack blocks.</summary>
    private async Task<IReadOnlyList<Block>> QueueAsync(string userId, CancellationToken ct)
    {
        var asked = new ChatMessage(ChatPlatform.Slack, userId, userId, "/queue", FromCurator: true) { Kind = ChatKind.Private };
        var answer = await conversation.HandleAsync(asked, ct);
        return answer is null ? [] : SlackReplyRenderer.Render(answer.Reply).Blocks;
    }

    private SlackHomePost Post(StoredNote stored) => new(stored.Note.Title, ChannelPost(stored), stored.Note.PaperLink);

    /// <summary>The post in the configured Slack channel, else the Telegram channel's; never a subscriber's copy.</summary>
    private string? ChannelPost(StoredNote stored)
    {
        var sent = stored.Deliveries.Where(d => d.State == DeliveryState.Sent && d.Permalink is not null).ToList();
        var slack = SlackMembership.PostingChannel(options.Value) is { } channel ? SlackDestination.KeyPrefix + channel : null;
        return sent.FirstOrDefault(d => d.Destination == slack)?.Permalink
            ?? sent.FirstOrDefault(d => DestinationKey.TryParse(d.Destination, out var key) && key.IsChannelOf(DestinationKey.Telegram))?.Permalink;
    }
}
