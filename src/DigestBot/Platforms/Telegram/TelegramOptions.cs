namespace DigestBot.Platforms.Telegram;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The <see cref="Readers"/> value that lets anyone look things up (the default).</summary>
    public const string AnyoneReads = "Anyone";

    /// <summary>The <see cref="Readers"/> value that keeps lookups and subscriptions to the members of <see cref="Channel"/>.</summary>
    public const string ChannelMembersRead = "ChannelMembers";

    /// <summary>Enables Telegram. A secret: from the environment or user secrets, never a committed file, never logged.</summary>
    public string? BotToken { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://api.telegram.org");

    /// <summary><c>@channel</c> or a numeric <c>-100…</c> id to post to.</summary>
    public string? Channel { get; set; }

    /// <summary>Curator user ids.</summary>
    public IReadOnlyList<long> Admins { get; set; } = [];

    /// <summary>Chat for alerts to the curators (<c>@name</c> or a numeric id); without it, each curator's private chat with the bot.</summary>
    public string? AlertChat { get; set; }

    public Uri? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Updates stored and not answered yet (both modes). At the limit a new update drops the oldest one not started that
    /// no curator sent; when none may be dropped, the webhook answers 503 (Telegram delivers it again later) and long
    /// polling waits for room before it takes its next batch.
    /// </summary>
    public int WebhookQueueLimit { get; set; } = 1000;

    /// <summary>How many chats are answered at once; each chat's updates still go one after another, in order.</summary>
    public int ConcurrentChats { get; set; } = 8;

    /// <summary>
    /// Who may look things up and subscribe: <c>Anyone</c>, or <c>ChannelMembers</c> — only members of
    /// <see cref="Channel"/>, for a private channel whose posts should stay among its readers. Curators always may.
    /// </summary>
    public string Readers { get; set; } = AnyoneReads;

    public bool OnlyChannelMembers => string.Equals(Readers?.Trim(), ChannelMembersRead, StringComparison.OrdinalIgnoreCase);

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
