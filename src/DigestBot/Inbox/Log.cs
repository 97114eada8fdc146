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

    [LoggerMessage(6, LogLevel.Information, "{File} is in use; trying again at the next poll")]
    public static partial void FileBusy(ILogger logger, Exception exception, string file);

    [LoggerMessage(7, LogLevel.Error, "Importing the Inbox:Seed files failed; the bot goes on without them")]
    public static partial void SeedFailed(ILogger logger, Exception exception);
}
