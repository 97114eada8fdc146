using System.Net;
using Microsoft.Extensions.Logging;

namespace DigestBot.Sources;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Waiting {Delay} before the next arXiv request")]
    public static partial void ArxivPacing(ILogger logger, TimeSpan delay);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Asking arXiv: {Url}")]
    public static partial void ArxivRequest(ILogger logger, Uri url);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "arXiv is throttling us (HTTP {StatusCode})")]
    public static partial void ArxivThrottled(ILogger logger, HttpStatusCode statusCode);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "arXiv request failed: {Url}")]
    public static partial void ArxivFailed(ILogger logger, Uri url, Exception exception);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "arXiv has no paper for {Query}: {ArxivSaid}")]
    public static partial void ArxivNotFound(ILogger logger, string query, string arxivSaid);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "arXiv returned {Count} papers for {Query}")]
    public static partial void ArxivFound(ILogger logger, string query, int count);
}
