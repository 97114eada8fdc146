namespace DigestBot.Platforms.Telegram;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

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

    /// <summary>Webhook updates stored and not handled yet before the endpoint answers 503, for Telegram to deliver again later.</summary>
    public int WebhookQueueLimit { get; set; } = 1000;

    /// <summary>How many chats of one <c>getUpdates</c> batch are answered at once; each chat's updates still go in order.</summary>
    public int ConcurrentChats { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
