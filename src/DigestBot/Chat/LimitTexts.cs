namespace DigestBot.Chat;

/// <summary>The sentences of the limits on who may ask what and how often, in the language of the turn.</summary>
internal static class LimitTexts
{
    public static string SlowDown(TimeSpan window) =>
        window.TotalSeconds < 120
            ? ChatText.Format(ChatTextKey.SlowDownSeconds, Math.Ceiling(window.TotalSeconds))
            : ChatText.Format(ChatTextKey.SlowDownMinutes, Math.Ceiling(window.TotalMinutes));

    public static string SearchShortened(int words, int characters) => ChatText.Format(ChatTextKey.SearchShortened, words, characters);

    public static string GroupAdminsOnly(string command) => ChatText.Format(ChatTextKey.GroupAdminsOnly, command);

    public static string TooManyTags(int max) => ChatText.Format(ChatTextKey.TooManyTags, max);

    public static string Full(int max) => ChatText.Format(ChatTextKey.SubscriptionsFull, max);

    public static string ChannelMembersOnly => ChatText.Get(ChatTextKey.ChannelMembersOnly);

    public static string QueueInPrivate => ChatText.Get(ChatTextKey.QueueInPrivate);
}
