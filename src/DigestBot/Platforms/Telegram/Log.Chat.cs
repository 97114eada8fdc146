namespace DigestBot.Platforms.Telegram;

// Chat's half of the folder's log messages (event ids 6100–6199); publishing keeps its own.
internal static partial class Log
{
    [LoggerMessage(6101, LogLevel.Debug, "Update {UpdateId} was delivered again; ignored")]
    public static partial void UpdateRepeated(ILogger logger, int updateId);

    [LoggerMessage(6102, LogLevel.Error, "Handling update {UpdateId} failed")]
    public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);

    [LoggerMessage(6103, LogLevel.Debug, "Answered /{Command} in chat {ChatId} (message {MessageId})")]
    public static partial void CommandAnswered(ILogger logger, string command, long chatId, int messageId);

    [LoggerMessage(6104, LogLevel.Debug, "Sent reply {MessageId} to chat {ChatId}")]
    public static partial void ReplySent(ILogger logger, long chatId, int messageId);

    [LoggerMessage(6105, LogLevel.Warning, "Reply to chat {ChatId} rate limited; retrying in {Seconds} s")]
    public static partial void ReplyRateLimited(ILogger logger, long chatId, int seconds);

    [LoggerMessage(6106, LogLevel.Debug, "Showed page {Page} in chat {ChatId}, message {MessageId}")]
    public static partial void PageShown(ILogger logger, long chatId, int messageId, int page);

    [LoggerMessage(6107, LogLevel.Information, "Long polling for updates from offset {Offset}")]
    public static partial void PollingStarted(ILogger logger, int? offset);

    [LoggerMessage(6108, LogLevel.Warning, "getUpdates failed ({Failures} in a row); polling again in {Wait}")]
    public static partial void PollingFailed(ILogger logger, Exception exception, int failures, TimeSpan wait);

    [LoggerMessage(6109, LogLevel.Information, "Webhook set to {Url}")]
    public static partial void WebhookSet(ILogger logger, string url);

    [LoggerMessage(6110, LogLevel.Information, "Command menu set ({Count} commands)")]
    public static partial void CommandMenuSet(ILogger logger, int count);

    [LoggerMessage(6111, LogLevel.Warning, "Telegram setup (commands, webhook) failed; trying again in {Wait}")]
    public static partial void SetupFailed(ILogger logger, Exception exception, TimeSpan wait);

    [LoggerMessage(6112, LogLevel.Warning, "Webhook request from {Remote} without the right secret token; answered 401")]
    public static partial void WebhookUnauthorized(ILogger logger, string remote);

    [LoggerMessage(6113, LogLevel.Warning, "Webhook update {UpdateId} answered 503, for Telegram to deliver again later: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, Exception? exception, int updateId, string reason);

    [LoggerMessage(6115, LogLevel.Error, "Handling stored webhook updates failed ({Failures} in a row); trying again in {Wait}")]
    public static partial void WebhookQueueFailed(ILogger logger, Exception exception, int failures, TimeSpan wait);

    [LoggerMessage(6116, LogLevel.Error, "Update {UpdateId} was being handled when the bot stopped, {Attempts} times; given up, so that it cannot stop every start")]
    public static partial void UpdateGivenUp(ILogger logger, string updateId, int attempts);

    [LoggerMessage(6118, LogLevel.Warning, "{Limit} updates wait to be answered (Telegram:WebhookQueueLimit): dropping the oldest ones not started that no curator sent, to take new ones")]
    public static partial void DroppingStarted(ILogger logger, int limit);

    [LoggerMessage(6119, LogLevel.Warning, "The update queue has room again; {Count} updates were dropped unanswered while it was full")]
    public static partial void DroppingEnded(ILogger logger, int count);

    [LoggerMessage(6117, LogLevel.Warning, "Telegram could not say what user {UserId} is in chat {Chat} ({Reason}); their command was refused with a request to try again")]
    public static partial void MemberUnknown(ILogger logger, string chat, long userId, string reason);

    [LoggerMessage(6118, LogLevel.Information, "Queue button {Move} on note {NoteId} pressed by {UserId} in chat {ChatId}")]
    public static partial void QueueButtonPressed(ILogger logger, DigestBot.Chat.QueueMove move, long noteId, long userId, long? chatId);

    [LoggerMessage(6119, LogLevel.Information, "Queue listing {MessageId} in chat {ChatId} could not be edited ({Reason}); the queue was sent as a new message")]
    public static partial void QueueListingResent(ILogger logger, long chatId, int messageId, string reason);

    [LoggerMessage(6120, LogLevel.Warning, "Queue listing {MessageId} in chat {ChatId} was not brought up to date; the press was answered all the same")]
    public static partial void QueueListingNotShown(ILogger logger, long chatId, int messageId, Exception exception);
}
