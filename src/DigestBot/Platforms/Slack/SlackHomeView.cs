using DigestBot.Chat;
using DigestBot.Formatting;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Slack.Blocks;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Storage;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Lays out the App Home: the newest posts, the reader's subscription with its buttons, the tags with counts (each with
/// Subscribe or Unsubscribe), and for curators the queue with its ▲ ▼ Next Withdraw buttons. Each part is cut with
/// "… and N more" so the view never passes Slack's 100 blocks, and every text is escaped by <see cref="SlackMrkdwn"/> and
/// held to its limit.
/// </summary>
internal static class SlackHomeView
{
    public const string SubscribeAction = "home_subscribe";
    public const string UnsubscribeAction = "home_unsubscribe";

    /// <summary>The value of the buttons that concern every post rather than one tag.</summary>
    public const string Everything = "*";

    public const int MaxNewest = 10;
    public const int MaxTags = 40;
    /// <summary>A queue's notes with their buttons (two blocks each), its heading, a notice and its lines.</summary>
    public const int MaxQueueBlocks = 32;

    /// <summary>The notes of a curator's queue shown with their buttons; the view says how many more there are.</summary>
    public const int MaxQueueNotes = 12;

    /// <summary>A tag longer than this gets no button: its value would be more than a tag.</summary>
    public const int MaxTagLength = 200;

    private const int MaxTitleLength = 300;

    /// <param name="notice">A sentence about a button just pressed, under the title (a curator's goes with the queue's blocks).</param>
    public static HomeView Build(
        IReadOnlyList<SlackHomePost> newest, IReadOnlyList<TagCount> tags, Subscription? mine, IReadOnlyList<Block>? queue, string? notice = null)
    {
        var blocks = new List<Block> { new HeaderBlock(new PlainText(ChatText.Get(ChatTextKey.HomeTitle))) };
        if (notice is not null)
        {
            blocks.Add(Context(notice));
        }

        blocks.Add(Title(ChatText.Get(ChatTextKey.HomeNewest)));
        blocks.AddRange(newest.Count == 0 ? [Context(ChatText.Get(ChatTextKey.HomeNothingPosted))] : Cut(newest.Select(Post), MaxNewest, newest.Count));

        blocks.Add(new DividerBlock());
        blocks.Add(Title(ChatText.Get(ChatTextKey.HomeSubscriptions)));
        blocks.Add(Context(ChatText.Get(ChatTextKey.HomeSubscriptionsHint)));
        blocks.Add(Status(mine));

        blocks.Add(new DividerBlock());
        blocks.Add(Title(ChatText.Get(ChatTextKey.HomeTags)));
        blocks.AddRange(Cut(tags.Select(t => TagLine(t, mine)), MaxTags, tags.Count));

        if (queue is not null)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(Title(ChatText.Get(ChatTextKey.HomeQueue)));
            blocks.AddRange(Cut(queue, MaxQueueBlocks, queue.Count));
        }

        // The parts are bounded to fit; this only guards the sum against a change to one of them.
        return new HomeView(blocks.Count <= HomeView.MaxBlocks
            ? blocks
            : [.. blocks.Take(HomeView.MaxBlocks - 1), Context(ChatText.Format(ChatTextKey.HomeMore, blocks.Count - (HomeView.MaxBlocks - 1)))]);
    }

    /// <summary>The tag a Subscribe/Unsubscribe value names, or <see cref="Everything"/>; null for anything else.</summary>
    public static string? TagOf(string? value)
    {
        if (value == Everything)
        {
            return Everything;
        }

        if (value is null || value.Length > MaxTagLength || value.Any(char.IsWhiteSpace))
        {
            return null;
        }

        var tag = Tag.Canonical(value);
        return tag.Length > 0 && tag == value ? tag : null;
    }

    private static IEnumerable<Block> Cut(IEnumerable<Block> items, int max, int count) =>
        count <= max ? items : [.. items.Take(max - 1), Context(ChatText.Format(ChatTextKey.HomeMore, count - (max - 1)))];

    private static Block Post(SlackHomePost post)
    {
        var title = SlackMrkdwn.Escape(TextCut.WithEllipsis(post.Title, MaxTitleLength));
        var text = WebLink.IsWeb(post.PostLink) ? $"*<{SlackMrkdwn.LinkTarget(post.PostLink!)}|{title}>*" : $"*{title}*";
        if (WebLink.IsWeb(post.PaperLink))
        {
            text += $"\n<{SlackMrkdwn.LinkTarget(post.PaperLink!)}|{SlackMrkdwn.Escape(TextCut.WithEllipsis(WebLink.Display(post.PaperLink!), 80))}>";
        }

        return new SectionBlock(new MrkdwnText(text));
    }

    private static Block Status(Subscription? mine)
    {
        if (mine is { Everything: true })
        {
            return new SectionBlock(new MrkdwnText(ChatText.Get(ChatTextKey.HomeEverything)))
            {
                Accessory = ButtonElement.Action(ChatText.Get(ChatTextKey.UnsubscribeEverything), UnsubscribeAction, Everything, "danger"),
            };
        }

        var text = mine is null
            ? ChatText.Get(ChatTextKey.HomeNoSubscription)
            : ChatText.Format(ChatTextKey.HomeTagged, string.Join(' ', mine.Tags.Select(Tag.ForDisplay)));
        return new SectionBlock(new MrkdwnText(SlackMrkdwn.Escape(TextCut.WithEllipsis(text, SectionBlock.MaxTextLength / 2))))
        {
            Accessory = ButtonElement.Action(ChatText.Get(ChatTextKey.SubscribeEverything), SubscribeAction, Everything, "primary"),
        };
    }

    private static Block TagLine(TagCount tag, Subscription? mine)
    {
        var line = new SectionBlock(new MrkdwnText(SlackMrkdwn.Escape(TextCut.WithEllipsis(TagLine(Tag.ForDisplay(tag.Tag), tag.Posted), 500))));
        if (mine is { Everything: true } || tag.Tag.Length > MaxTagLength)
        {
            return line;
        }

        return mine is not null && mine.Tags.Contains(tag.Tag, StringComparer.Ordinal)
            ? line with { Accessory = ButtonElement.Action(ChatText.Get(ChatTextKey.Unsubscribe), UnsubscribeAction, tag.Tag, "danger") }
            : line with { Accessory = ButtonElement.Action(ChatText.Get(ChatTextKey.Subscribe), SubscribeAction, tag.Tag) };
    }

    private static SectionBlock Title(string text) => new(new MrkdwnText("*" + SlackMrkdwn.Escape(text) + "*"));

    private static ContextBlock Context(string text) =>
        new([new PlainText(TextCut.WithEllipsis(text, ContextBlock.MaxElementTextLength))]);

    private static string TagLine(string tag, int posted) =>
        posted == 1 ? ChatText.Format(ChatTextKey.HomeTagOnePost, tag) : ChatText.Format(ChatTextKey.HomeTagPosts, tag, posted);
}
