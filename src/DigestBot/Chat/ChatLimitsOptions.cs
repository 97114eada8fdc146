namespace DigestBot.Chat;

/// <summary>
/// How many commands one person, and one chat, may send per <see cref="Window"/>. Curators are not limited; the
/// defaults are far above what anyone reading the digest sends, and only stop floods.
/// </summary>
internal sealed class ChatLimitsOptions
{
    public const string Section = "Chat:Limits";

    public int PerUser { get; set; } = 20;

    public int PerChat { get; set; } = 60;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Senders and chats remembered at once; past it, newcomers share one allowance so that memory stays bounded.</summary>
    public int Tracked { get; set; } = 10_000;
}
