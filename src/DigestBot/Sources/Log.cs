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

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Note {NoteId} has no paper link; arXiv has {ArxivId} under exactly its title, attached")]
    public static partial void TitleLinkAttached(ILogger logger, long noteId, string arxivId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Note {NoteId} has no paper link; arXiv returned {Candidates} candidate(s), {Exact} with exactly its title: none attached")]
    public static partial void TitleLinkNotFound(ILogger logger, long noteId, int candidates, int exact);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Title lookup for note {NoteId} postponed: {Reason}")]
    public static partial void TitleLookupUnavailable(ILogger logger, long noteId, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Looking up paper links by title failed")]
    public static partial void TitleLookupPassFailed(ILogger logger, Exception exception);
}
