namespace DigestBot.Inbox;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Watching {Folder} for note files")]
    public static partial void Watching(ILogger logger, string folder);

    [LoggerMessage(2, LogLevel.Information, "{Summary}")]
    public static partial void Imported(ILogger logger, string summary);

    [LoggerMessage(3, LogLevel.Warning, "{Problem}")]
    public static partial void Problem(ILogger logger, string problem);

    [LoggerMessage(4, LogLevel.Error, "The inbox folder {Folder} cannot be used; files dropped there will not be imported. Set Inbox:Path to a writable folder")]
    public static partial void InboxUnusable(ILogger logger, Exception exception, string folder);

    [LoggerMessage(5, LogLevel.Error, "Scanning the inbox {Folder} failed; trying again at the next poll")]
    public static partial void ScanFailed(ILogger logger, Exception exception, string folder);

    [LoggerMessage(6, LogLevel.Warning, "Importing {File} failed (attempt {Attempt} of {MaxAttempts}); trying again at a later poll, and the other files meanwhile")]
    public static partial void ImportFailedWillRetry(ILogger logger, Exception exception, string file, int attempt, int maxAttempts);

    [LoggerMessage(7, LogLevel.Error, "Importing the Inbox:Seed files failed; the bot goes on without them")]
    public static partial void SeedFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Inbox: {Entry} {Why}; it is left where it is and not read")]
    public static partial void EntrySkipped(ILogger logger, string entry, string why);

    [LoggerMessage(9, LogLevel.Error, "Importing {File} failed {Attempts} time(s) (Inbox:MaxAttempts); moving it to failed/")]
    public static partial void ImportFailedGivingUp(ILogger logger, Exception exception, string file, int attempts);

    [LoggerMessage(10, LogLevel.Warning, "Inbox: {File} moved to {Target}, with what to fix in {Target}.errors.txt")]
    public static partial void MovedToFailed(ILogger logger, string file, string target);

    [LoggerMessage(11, LogLevel.Error, "Inbox: {File} could not be moved to failed/; it is left alone until it changes")]
    public static partial void CannotMoveToFailed(ILogger logger, Exception exception, string file);
}
