using DigestBot.Chat;

namespace DigestBot.Platforms.Slack;

/// <summary>The words of Slack's own surfaces (buttons, the App Home), from the chat texts in the language of the turn.</summary>
internal static class SlackAppTexts
{
    public static string HomeTitle => ChatText.Get(ChatTextKey.HomeTitle);

    public static string HomeNewest => ChatText.Get(ChatTextKey.HomeNewest);

    public static string HomeNothingPosted => ChatText.Get(ChatTextKey.HomeNothingPosted);

    public static string HomeTags => ChatText.Get(ChatTextKey.HomeTags);

    public static string HomeSubscriptions => ChatText.Get(ChatTextKey.HomeSubscriptions);

    public static string HomeSubscriptionsHint => ChatText.Get(ChatTextKey.HomeSubscriptionsHint);

    public static string HomeEverything => ChatText.Get(ChatTextKey.HomeEverything);

    public static string HomeNoSubscription => ChatText.Get(ChatTextKey.HomeNoSubscription);

    public static string HomeQueue => ChatText.Get(ChatTextKey.HomeQueue);

    public static string Subscribe => ChatText.Get(ChatTextKey.Subscribe);

    public static string Unsubscribe => ChatText.Get(ChatTextKey.Unsubscribe);

    public static string SubscribeEverything => ChatText.Get(ChatTextKey.SubscribeEverything);

    public static string UnsubscribeEverything => ChatText.Get(ChatTextKey.UnsubscribeEverything);

    public static string More(int count) => ChatText.Format(ChatTextKey.HomeMore, count);

    public static string TagLine(string tag, int posted) =>
        posted == 1 ? ChatText.Format(ChatTextKey.HomeTagOnePost, tag) : ChatText.Format(ChatTextKey.HomeTagPosts, tag, posted);

    public static string HomeTagged(string tags) => ChatText.Format(ChatTextKey.HomeTagged, tags);
}
