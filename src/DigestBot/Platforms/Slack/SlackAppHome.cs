using DigestBot.Chat;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Publishes a reader's App Home (<c>views.publish</c>) when they open it and after they press one of its buttons
/// (Subscribe/Unsubscribe, and a curator's queue buttons, <see cref="SlackQueueAction"/>).
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
    public Task PublishAsync(string userId, CancellationToken ct) => PublishAsync(userId, null, ct);

    /// <param name="notice">A sentence about a button just pressed: above the queue for a curator, else under the title.</param>
    public async Task PublishAsync(string userId, string? notice, CancellationToken ct)
    {
        // Slack answers in Chat:Language; the view is built here, outside a conversation turn that would set it.
        ChatText.Language = chat.Value.ParsedLanguage;
        var newest = (await archive.NewestAsync(0, SlackHomeView.MaxNewest, ct)).Select(Post).ToList();
        var tags = await notes.TagsAsync(includeQueued: false, ct);
        var mine = await subscriptions.FindAsync(SlackChatSender.PlatformName, userId, ct);
        var queue = options.Value.IsCurator(userId) ? await QueueAsync(userId, notice, ct) : null;
        var view = SlackHomeView.Build(newest, tags, mine, queue, queue is null ? notice : null);
        await views.PublishAsync(userId, view, ct);
        Log.HomePublished(log, userId, view.Blocks.Count);
    }

    /// <summary>What <c>/queue</c> answers the curator, as its Slack blocks, buttons and all.</summary>
    private async Task<IReadOnlyList<Block>> QueueAsync(string userId, string? notice, CancellationToken ct)
    {
        var asked = new ChatMessage(ChatPlatform.Slack, userId, userId, "/queue", FromCurator: true) { Kind = ChatKind.Private };
        var answer = await conversation.HandleAsync(asked, ct);
        return answer is null ? [] : SlackReplyRenderer.Render(answer.Reply, notice, SlackHomeView.MaxQueueNotes).Blocks;
    }

    private SlackHomePost Post(StoredNote stored) => new(stored.Note.Title, SlackChannelPost.Of(stored, options.Value), stored.Note.PaperLink);
}
