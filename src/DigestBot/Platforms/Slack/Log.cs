namespace DigestBot.Platforms.Slack;

/// <summary>Slack's log lines. Tokens and the signing secret never appear; channel, user and message ids do.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Slack: connected as {User} ({UserId}) in workspace {Team} ({TeamId})")]
    public static partial void Connected(ILogger logger, string user, string userId, string team, string teamId);

    [LoggerMessage(2, LogLevel.Warning, "Slack: could not reach {ApiBaseUrl} to check the bot token; going on, and posts retry until Slack answers")]
    public static partial void StartupCheckUnreachable(ILogger logger, Exception exception, Uri apiBaseUrl);

    [LoggerMessage(3, LogLevel.Warning, "Slack {Method}: rate limited (attempt {Attempt}); waiting {Wait} and sending the same call again")]
    public static partial void RateLimited(ILogger logger, string method, TimeSpan wait, int attempt);

    [LoggerMessage(4, LogLevel.Warning, "Slack: posted {Ts} in {Channel} but could not get its permalink ({Error}); lookups will link the paper only")]
    public static partial void PermalinkUnavailable(ILogger logger, string channel, string ts, string error);

    [LoggerMessage(5, LogLevel.Warning, "Slack: refused a request to {Path}: {Verification}")]
    public static partial void RequestRejected(ILogger logger, string path, SlackVerification verification);

    [LoggerMessage(6, LogLevel.Error, "Slack: {What} failed after it was acknowledged")]
    public static partial void BackgroundWorkFailed(ILogger logger, Exception exception, string what);

    [LoggerMessage(7, LogLevel.Information, "Slack: {Command} from {UserId} in {ChannelId}")]
    public static partial void CommandReceived(ILogger logger, string command, string userId, string channelId);

    [LoggerMessage(8, LogLevel.Information, "Slack: {Command} took longer than {Budget}; the answer follows through response_url")]
    public static partial void CommandDeferred(ILogger logger, string command, TimeSpan budget);

    [LoggerMessage(9, LogLevel.Error, "Slack: answering /{Command} failed")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(10, LogLevel.Warning, "Slack: response_url answered HTTP {Status}")]
    public static partial void ResponseUrlFailed(ILogger logger, int status);

    [LoggerMessage(11, LogLevel.Information, "Slack: event {EventId} seen before (a retry); ignored")]
    public static partial void DuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(12, LogLevel.Information, "Slack: {Type} event {EventId} in {Channel}")]
    public static partial void EventAccepted(ILogger logger, string type, string eventId, string channel);

    [LoggerMessage(13, LogLevel.Information, "Slack: answered in {Channel} as {Ts}")]
    public static partial void Answered(ILogger logger, string channel, string ts);

    [LoggerMessage(15, LogLevel.Information, "Slack: Socket Mode connection {Count} open")]
    public static partial void SocketConnected(ILogger logger, int count);

    [LoggerMessage(16, LogLevel.Information, "Slack: Socket Mode reconnecting ({Reason})")]
    public static partial void SocketReconnecting(ILogger logger, string reason);

    [LoggerMessage(17, LogLevel.Error, "Slack: apps.connections.open refused Slack:AppToken ({Error}); Socket Mode is off until it is fixed")]
    public static partial void SocketTokenRefused(ILogger logger, string error);

    [LoggerMessage(18, LogLevel.Warning, "Slack: Socket Mode connection failed ({Failures} in a row); retrying in {Wait}")]
    public static partial void SocketFailed(ILogger logger, Exception exception, int failures, TimeSpan wait);

    [LoggerMessage(19, LogLevel.Warning, "Slack: could not acknowledge envelope {EnvelopeId}; Slack will deliver it again")]
    public static partial void AckFailed(ILogger logger, Exception exception, string envelopeId);

    [LoggerMessage(20, LogLevel.Warning, "Slack: neither Slack:AppToken (Socket Mode) nor Slack:SigningSecret (HTTP) is set, so slash commands and mentions are refused; posting works")]
    public static partial void CannotReceive(ILogger logger);

    [LoggerMessage(21, LogLevel.Error, "Slack: envelope {EnvelopeId} was acknowledged but could not be handled")]
    public static partial void EnvelopeFailed(ILogger logger, Exception exception, string envelopeId);

    [LoggerMessage(22, LogLevel.Warning, "Slack: cannot post in subscribed channel {Channel} ({Error}); its subscription has ended")]
    public static partial void SubscriberGone(ILogger logger, string channel, string error);

    [LoggerMessage(23, LogLevel.Information, "Slack: could not ask whether the bot is in {Channel} ({Reason}), so its /subscribe answer says how to invite it; the channels:read and groups:read scopes let it ask")]
    public static partial void MembershipUnknown(ILogger logger, string channel, string reason);

    [LoggerMessage(40, LogLevel.Warning, "Slack: an alert could not reach {Target} ({Error}); check Slack:Admins or set Slack:AlertChannel")]
    public static partial void AlertNotDelivered(ILogger logger, string target, string error);

    [LoggerMessage(24, LogLevel.Warning, "Slack: a Socket Mode message larger than {Limit} bytes was skipped unread (Slack:SocketMode:MaxMessageBytes)")]
    public static partial void MessageTooLarge(ILogger logger, int limit);

    [LoggerMessage(25, LogLevel.Warning, "Slack: a Socket Mode message of {Bytes} bytes is not JSON; skipped")]
    public static partial void MessageUnreadable(ILogger logger, Exception exception, int bytes);

    [LoggerMessage(41, LogLevel.Debug, "Slack: ignored an interaction of type {Type}")]
    public static partial void InteractionIgnored(ILogger logger, string type);

    [LoggerMessage(42, LogLevel.Debug, "Slack: ignored button {ActionId} pressed by {UserId}: no handler knows it")]
    public static partial void UnknownAction(ILogger logger, string actionId, string userId);

    [LoggerMessage(43, LogLevel.Information, "Slack: button {ActionId} pressed by {UserId}")]
    public static partial void ActionAccepted(ILogger logger, string actionId, string userId);

    [LoggerMessage(44, LogLevel.Warning, "Slack: button {ActionId} came without a response_url; nothing to answer")]
    public static partial void ActionWithoutResponseUrl(ILogger logger, string actionId);

    [LoggerMessage(45, LogLevel.Information, "Slack: page {Page} shown to {UserId}")]
    public static partial void PageShown(ILogger logger, string userId, int page);

    [LoggerMessage(46, LogLevel.Information, "Slack: App Home of {UserId} published ({Blocks} blocks)")]
    public static partial void HomePublished(ILogger logger, string userId, int blocks);

    [LoggerMessage(47, LogLevel.Warning, "Slack: App Home button {ActionId} from {UserId} carried a value that is not a tag; nothing changed")]
    public static partial void HomeButtonRefused(ILogger logger, string actionId, string userId);

    [LoggerMessage(48, LogLevel.Information, "Slack: unfurled {Count} paper links in {Channel} ({Message})")]
    public static partial void Unfurled(ILogger logger, int count, string channel, string message);

    [LoggerMessage(49, LogLevel.Debug, "Slack: none of {Links} shared links in {Channel} is a paper DigestBot can preview")]
    public static partial void NothingToUnfurl(ILogger logger, int links, string channel);

    [LoggerMessage(50, LogLevel.Warning, "Slack: chat.unfurl refused in {Channel} ({Error}); the app needs the links:read and links:write scopes and its unfurl domains (see the manifest)")]
    public static partial void UnfurlRefused(ILogger logger, string channel, string error);

    [LoggerMessage(51, LogLevel.Information, "Slack: Queue it pressed by {UserId} for arXiv {ArxivId}")]
    public static partial void QueueItPressed(ILogger logger, string userId, string arxivId);

    [LoggerMessage(52, LogLevel.Information, "Slack: queue button {Move} on note {NoteId} pressed by {UserId}")]
    public static partial void QueueButtonPressed(ILogger logger, DigestBot.Chat.QueueMove move, long noteId, string userId);

    [LoggerMessage(53, LogLevel.Warning, "Slack: a {ActionId} press by {UserId} carried a value no queue button has; refused")]
    public static partial void QueueButtonRefused(ILogger logger, string actionId, string userId);

    [LoggerMessage(54, LogLevel.Information, "Slack: {ActionId} pressed by {UserId} for pending edit {PendingEditId}")]
    public static partial void EditDecided(ILogger logger, string userId, long pendingEditId, string actionId);
}
