namespace DigestBot.Platforms.Telegram;

internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Telegram: posting to {Channel} as @{BotUsername}")]
    public static partial void PostingAs(ILogger logger, string botUsername, string channel);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Telegram: part {Part} of {Parts} posted to {Channel} as message {MessageId}")]
    public static partial void PartPosted(ILogger logger, int part, int parts, string channel, int messageId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Telegram: flood limit in {Channel} despite pacing; sending the same message again in {Wait}")]
    public static partial void FloodLimited(ILogger logger, string channel, TimeSpan wait);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Telegram: subscribed chat {Chat} refused the post ({Reason}); the bot was blocked or removed there, so its subscription has ended")]
    public static partial void SubscriberGone(ILogger logger, string chat, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Debug, Message = "Telegram: message {MessageId} sent to {Chat}")]
    public static partial void MessageSent(ILogger logger, string chat, int messageId);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Telegram: {Method} rate limited despite pacing; calling it again in {Wait}")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan wait);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Telegram: an alert could not reach {Chat} ({Reason}); a curator must send /start to the bot first, or set Telegram:AlertChat")]
    public static partial void AlertNotDelivered(ILogger logger, string chat, string reason);
}
