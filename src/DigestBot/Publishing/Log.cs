using DigestBot.Storage;

namespace DigestBot.Publishing;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Posted note {NoteId} to {Destination} as message(s) {MessageIds} {Permalink}")]
    public static partial void Delivered(ILogger logger, long noteId, string destination, string messageIds, string permalink);

    [LoggerMessage(2, LogLevel.Warning, "Note {NoteId} to {Destination} was refused for good and marked failed: {Reason}")]
    public static partial void DeliveryRejected(ILogger logger, long noteId, string destination, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Note {NoteId} to {Destination}: rate limited, sending the same message again in {Wait}")]
    public static partial void RateLimited(ILogger logger, long noteId, string destination, TimeSpan wait);

    [LoggerMessage(4, LogLevel.Warning, "Note {NoteId} to {Destination} failed (attempt {Attempt}); retrying in {Wait}")]
    public static partial void DeliveryFailedWillRetry(ILogger logger, Exception exception, long noteId, string destination, int attempt, TimeSpan wait);

    [LoggerMessage(5, LogLevel.Warning, "Resuming note {NoteId} to {Destination} after an interruption with {PartsSent} part(s) recorded; the part in flight at the interruption may appear twice")]
    public static partial void ResumingInterruptedDelivery(ILogger logger, long noteId, string destination, int partsSent);

    [LoggerMessage(6, LogLevel.Warning, "{Count} delivery record(s) are for {Destination}, which is not configured now; they wait until it is")]
    public static partial void DestinationNotConfigured(ILogger logger, string destination, int count);

    [LoggerMessage(7, LogLevel.Information, "Slot {Slot}: took {Count} note(s) from the queue")]
    public static partial void SlotTaken(ILogger logger, DateTimeOffset slot, int count);

    [LoggerMessage(8, LogLevel.Information, "Missed slot(s) since {LastSlot} while stopped; posting one slot's worth now")]
    public static partial void CatchingUp(ILogger logger, DateTimeOffset lastSlot);

    [LoggerMessage(9, LogLevel.Information, "Next slot at {Slot}")]
    public static partial void NextSlot(ILogger logger, DateTimeOffset slot);

    [LoggerMessage(10, LogLevel.Error, "Slot {Slot} failed; the notes stay queued and are retried")]
    public static partial void SlotFailed(ILogger logger, Exception exception, DateTimeOffset slot);

    [LoggerMessage(11, LogLevel.Error, "Looking for destinations to deliver to failed; trying again at the next slot")]
    public static partial void WakeFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "Delivering to {Destination} failed outside a send; the deliveries stay unfinished and are retried in {Wait}")]
    public static partial void LaneFailed(ILogger logger, Exception exception, string destination, TimeSpan wait);

    [LoggerMessage(13, LogLevel.Warning, "Posting to {Destination} is paused: {Reason}; its deliveries wait, tried again at {ProbeAt}")]
    public static partial void DestinationPaused(ILogger logger, string destination, string reason, DateTimeOffset probeAt);

    [LoggerMessage(14, LogLevel.Information, "{Destination} still refuses ({Reason}); tried again at {ProbeAt}")]
    public static partial void DestinationStillPaused(ILogger logger, string destination, string reason, DateTimeOffset probeAt);

    [LoggerMessage(15, LogLevel.Information, "Posting to {Destination} works again after {PausedFor}; {Waiting} delivery(ies) waiting")]
    public static partial void DestinationResumed(ILogger logger, string destination, TimeSpan pausedFor, int waiting);

    [LoggerMessage(16, LogLevel.Warning, "The subscription behind {Destination} has ended; {Dropped} delivery(ies) waiting for it were dropped")]
    public static partial void SubscriptionEnded(ILogger logger, string destination, int dropped);

    [LoggerMessage(17, LogLevel.Information, "Note {NoteId} to {Destination} is part of a backlog; sending it at {Due}")]
    public static partial void CatchingUpBacklog(ILogger logger, long noteId, string destination, DateTimeOffset due);

    [LoggerMessage(18, LogLevel.Information, "Note {NoteId} at {Destination}: {Kind} of part {Part} (message {MessageId}) done {Instead}")]
    public static partial void MessageChanged(ILogger logger, long noteId, string destination, MessageEditKind kind, int part, string messageId, string instead);

    [LoggerMessage(19, LogLevel.Warning, "Note {NoteId} at {Destination}: {Kind} of part {Part} was refused for good and marked failed: {Reason}")]
    public static partial void MessageChangeRejected(ILogger logger, long noteId, string destination, MessageEditKind kind, int part, string reason);

    [LoggerMessage(20, LogLevel.Warning, "Note {NoteId} at {Destination}: {Kind} of part {Part} failed (attempt {Attempt}); retrying in {Wait}")]
    public static partial void MessageChangeWillRetry(ILogger logger, Exception exception, long noteId, string destination, MessageEditKind kind, int part, int attempt, TimeSpan wait);

    [LoggerMessage(21, LogLevel.Debug, "The store was changed by another process; waking the delivery lanes")]
    public static partial void StoreChanged(ILogger logger);

    [LoggerMessage(22, LogLevel.Information, "The schedule is paused{Until}: slot {Slot} takes no note")]
    public static partial void SlotPaused(ILogger logger, DateTimeOffset slot, string until);
}
