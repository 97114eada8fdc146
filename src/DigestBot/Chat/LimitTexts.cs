namespace DigestBot.Chat;

/// <summary>
/// The sentences of the limits on who may ask what and how often, written once here so that they move into the
/// language resources in one piece.
/// </summary>
internal static class LimitTexts
{
    public static string SlowDown(TimeSpan window) =>
        $"Slow down, please: too many commands at once. I will answer again within {Describe(window)}.";

    public static string SearchShortened(int words, int characters) =>
        $"Your search was shortened to its first {words} different words and at most {characters} characters.";

    public static string GroupAdminsOnly(string command) =>
        $"Only this group's administrators can use /{command} here.";

    public static string TooManyTags(int max) =>
        $"A subscription follows at most {max} tags; send /unsubscribe, then /subscribe with fewer tags.";

    public static string Full(int max) =>
        $"I am full: {max} chats are subscribed already, so I cannot take another. Please ask the channel's curators.";

    public const string ChannelMembersOnly = "I answer the members of the channel only; join the channel, then ask again.";

    public const string QueueInPrivate = "Queued notes are shown only in a private chat with me; send /queue there.";

    private static string Describe(TimeSpan window) =>
        window.TotalSeconds < 120 ? $"{Math.Ceiling(window.TotalSeconds):0} seconds" : $"{Math.Ceiling(window.TotalMinutes):0} minutes";
}
