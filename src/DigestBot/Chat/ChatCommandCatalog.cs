namespace DigestBot.Chat;

/// <summary>
/// Every command DigestBot answers, once: /help, Telegram's command menu, Slack's plain-word commands in mentions
/// and direct messages, the metrics' labels, and the test that checks the Slack app manifest all read this list.
/// </summary>
internal static class ChatCommandCatalog
{
    public static readonly IReadOnlyList<ChatCommandInfo> All =
    [
        new("tag", "<name>", "Notes with a tag, newest first", "notes with that tag, newest first (e.g. /tag video-segmentation)", ChatCommandAudience.Everyone, InMenu: true),
        new("tags", "", "Every tag with its count", "every tag with its count", ChatCommandAudience.Everyone, InMenu: true),
        new("search", "<words>", "Search titles, abstracts and commentary", "search titles, abstracts and commentary (Korean too)", ChatCommandAudience.Everyone, InMenu: true),
        new("subscribe", "[tag]", "Receive every post, or one tag's, in this chat", "get every post, or those with a tag, in this chat", ChatCommandAudience.Everyone, InMenu: true),
        new("unsubscribe", "", "Stop receiving posts in this chat", "stop receiving posts in this chat", ChatCommandAudience.Everyone, InMenu: true),
        new("queue", "", "What is waiting to be posted (curators)", "what is waiting, with the slot each note goes out in, failures and paused destinations", ChatCommandAudience.Curators, InMenu: true),
        new("retry", "<note id> or /retry all", "Post failed deliveries again (curators)", "post failed deliveries again at the next slot", ChatCommandAudience.Curators, InMenu: false),
        new("drop", "<destination>", "Give up posts for a paused destination (curators)", "give up the posts waiting for a paused destination", ChatCommandAudience.Curators, InMenu: false),
        new("help", "", "What this bot does", "this message", ChatCommandAudience.Everyone, InMenu: true),
        new("start", "", "What this bot does", "this message", ChatCommandAudience.Everyone, InMenu: false),
    ];

    /// <summary>The commands of the menus, in menu order.</summary>
    public static IEnumerable<ChatCommandInfo> Menu => All.Where(c => c.InMenu);

    public static ChatCommandInfo? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public static bool Contains(string name) => Find(name) is not null;
}
