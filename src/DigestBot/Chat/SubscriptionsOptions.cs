namespace DigestBot.Chat;

/// <summary>The <c>Subscriptions</c> section: how many chats may receive posts besides the channels.</summary>
internal sealed class SubscriptionsOptions
{
    public const string Section = "Subscriptions";

    /// <summary>Chats subscribed at once, on every platform together; past it, a new chat's <c>/subscribe</c> is refused.</summary>
    public int Max { get; set; } = 10_000;
}
