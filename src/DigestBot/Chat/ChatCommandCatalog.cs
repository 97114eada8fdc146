namespace DigestBot.Chat;

/// <summary>
/// Every command DigestBot answers, once: /help, Telegram's command menu, Slack's plain-word commands in mentions
/// and direct messages, the metrics' labels, and the test that checks the Slack app manifest all read this list.
/// What each command is called in words lives in the chat's resources (<see cref="ChatTextKey.CommandSummary"/>).
/// </summary>
internal static class ChatCommandCatalog
{
    public static readonly IReadOnlyList<ChatCommandInfo> All =
    [
        new("tag", ChatCommandAudience.Everyone, InMenu: true),
        new("tags", ChatCommandAudience.Everyone, InMenu: true),
        new("search", ChatCommandAudience.Everyone, InMenu: true),
        new("subscribe", ChatCommandAudience.Everyone, InMenu: true),
        new("unsubscribe", ChatCommandAudience.Everyone, InMenu: true),
        new("queue", ChatCommandAudience.Curators, InMenu: true),
        new("retry", ChatCommandAudience.Curators, InMenu: false),
        new("drop", ChatCommandAudience.Curators, InMenu: false),
        new("edit", ChatCommandAudience.Curators, InMenu: false),
        new("withdraw", ChatCommandAudience.Curators, InMenu: false),
        new("requeue", ChatCommandAudience.Curators, InMenu: false),
        new("next", ChatCommandAudience.Curators, InMenu: false),
        new("move", ChatCommandAudience.Curators, InMenu: false),
        new("pause", ChatCommandAudience.Curators, InMenu: false),
        new("resume", ChatCommandAudience.Curators, InMenu: false),
        new("help", ChatCommandAudience.Everyone, InMenu: true),
        new("start", ChatCommandAudience.Everyone, InMenu: false),
    ];

    /// <summary>The commands of the menus, in menu order.</summary>
    public static IEnumerable<ChatCommandInfo> Menu => All.Where(c => c.InMenu);

    public static ChatCommandInfo? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    public static bool Contains(string name) => Find(name) is not null;
}
