namespace DigestBot.Platforms.Telegram;

internal sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>Enables Telegram. A secret: from the environment or user secrets, never a committed file, never logged.</summary>
    public string? BotToken { get; init; }

    public Uri ApiBaseUrl { get; init; } = new("https://api.telegram.org");

    /// <summary><c>@channel</c> or a numeric <c>-100…</c> id to post to.</summary>
    public string? Channel { get; init; }

    /// <summary>Curator user ids.</summary>
    public IReadOnlyList<long> Admins { get; init; } = [];

    public Uri? WebhookUrl { get; init; }

    public string? WebhookSecret { get; init; }

    /// <summary>How many chats of one <c>getUpdates</c> batch are answered at once; each chat's updates still go in order.</summary>
    public int ConcurrentChats { get; init; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}
