namespace DigestBot.Chat;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Refused a paper link from a non-curator in {Platform} chat {ChatId}")]
    public static partial void PaperLinkRefused(ILogger logger, string platform, string chatId);

    [LoggerMessage(5002, LogLevel.Information, "Queued note {NoteId} (arXiv {ArxivId}) from {Platform} chat {ChatId}")]
    public static partial void PaperQueued(ILogger logger, long noteId, string arxivId, string platform, string chatId);

    [LoggerMessage(5003, LogLevel.Warning, "arXiv unreachable for {ArxivId}; queued with metadata pending: {Reason}")]
    public static partial void QueuedAwaitingMetadata(ILogger logger, string arxivId, string reason);

    [LoggerMessage(5004, LogLevel.Information, "Note {NoteId} amended from {Platform} chat {ChatId}")]
    public static partial void NoteAmended(ILogger logger, long noteId, string platform, string chatId);

    [LoggerMessage(5005, LogLevel.Information, "Fetched the pending metadata of note {NoteId} (arXiv {ArxivId})")]
    public static partial void MetadataFetched(ILogger logger, long noteId, string arxivId);

    [LoggerMessage(5006, LogLevel.Information, "arXiv still unavailable for note {NoteId} (arXiv {ArxivId}): {Reason}")]
    public static partial void MetadataStillUnavailable(ILogger logger, long noteId, string arxivId, string reason);

    [LoggerMessage(5007, LogLevel.Warning, "arXiv has no paper {ArxivId} for pending note {NoteId}: {ArxivSaid}")]
    public static partial void MetadataNotFound(ILogger logger, long noteId, string arxivId, string arxivSaid);

    [LoggerMessage(5008, LogLevel.Error, "Retrying pending metadata failed")]
    public static partial void MetadataRetryFailed(ILogger logger, Exception exception);

    [LoggerMessage(5009, LogLevel.Warning, "Could not tell {Platform} about note {NoteId}")]
    public static partial void NotifyFailed(ILogger logger, Exception exception, long noteId, string platform);

    [LoggerMessage(5010, LogLevel.Information, "Refused a note from {Platform} chat {ChatId}: {Reason}")]
    public static partial void NoteRefused(ILogger logger, string platform, string chatId, string reason);

    [LoggerMessage(5011, LogLevel.Warning, "The metadata arXiv sent for note {NoteId} (arXiv {ArxivId}) makes it impossible to post; it stays unposted: {Reason}")]
    public static partial void MetadataMakesNoteUnpostable(ILogger logger, long noteId, string arxivId, string reason);
}
