namespace DigestBot.Chat;

/// <summary>Where a message came from and where its answer goes.</summary>
internal enum ChatPlatform
{
    Telegram,
    Slack,
    Console,
}
