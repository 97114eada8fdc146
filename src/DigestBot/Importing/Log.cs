using Microsoft.Extensions.Logging;

namespace DigestBot.Importing;

internal static partial class Log
{
    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Note {NoteId} has no paper link; arXiv has {ArxivId} under exactly its title, attached")]
    public static partial void TitleLinkAttached(ILogger logger, long noteId, string arxivId);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Note {NoteId} has no paper link; arXiv returned {Candidates} candidate(s), {Exact} with exactly its title: none attached")]
    public static partial void TitleLinkNotFound(ILogger logger, long noteId, int candidates, int exact);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Title lookup for note {NoteId} postponed: {Reason}")]
    public static partial void TitleLookupUnavailable(ILogger logger, long noteId, string reason);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Looking up paper links by title failed")]
    public static partial void TitleLookupPassFailed(ILogger logger, Exception exception);
}
