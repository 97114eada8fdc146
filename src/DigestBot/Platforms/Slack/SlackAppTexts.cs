namespace DigestBot.Platforms.Slack;

/// <summary>
/// The sentences of Slack's own surfaces (buttons, the App Home, unfurls), in one place so they can move into the
/// translated resources together.
/// </summary>
internal static class SlackAppTexts
{
    public const string PreviousPage = "‹ Previous";

    public const string NextPage = "Next ›";

    public const string StaleButton = "This button no longer works; send the command again.";

    public const string HomeTitle = "DigestBot";

    public const string HomeNewest = "Newest posts";

    public const string HomeNothingPosted = "Nothing has been posted yet.";

    public const string HomeTags = "Tags";

    public const string HomeSubscriptions = "Your subscriptions";

    public const string HomeSubscriptionsHint = "Subscribed posts arrive in this app's Messages tab. /subscribe in a channel makes that channel receive them instead.";

    public const string HomeEverything = "You receive every new post.";

    public const string HomeNoSubscription = "You receive no posts here yet: subscribe to every post, or to the tags you want below.";

    public const string HomeQueue = "Queue (curators)";

    public const string Subscribe = "Subscribe";

    public const string Unsubscribe = "Unsubscribe";

    public const string SubscribeEverything = "Subscribe to every post";

    public const string UnsubscribeEverything = "Unsubscribe from everything";

    public static string More(int count) => $"… and {count} more.";

    public static string TagLine(string tag, int posted) => posted == 1 ? $"{tag} — 1 post" : $"{tag} — {posted} posts";

    public static string HomeTagged(string tags) => $"You receive new posts tagged {tags}.";
}
