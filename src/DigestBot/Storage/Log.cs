using Microsoft.Extensions.Logging;

namespace DigestBot.Storage;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Upgrading the database {Path} from schema {From} to {To}; large stores take a while (about 10 s per 100,000 notes when the search index is written again)")]
    public static partial void Upgrading(ILogger logger, string path, int from, int to);

    [LoggerMessage(2, LogLevel.Information, "Database upgraded to schema {To} in {Seconds:F1} s")]
    public static partial void Upgraded(ILogger logger, int to, double seconds);
}
