namespace DigestBot.Web;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Archive: {Address}")]
    public static partial void ArchiveAt(ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Error, "The archive could not answer {Path}")]
    public static partial void PageFailed(ILogger logger, string path, Exception exception);
}
