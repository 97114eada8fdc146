using Microsoft.Net.Http.Headers;

namespace DigestBot.Web;

/// <summary>Whether a GET's validators (RFC 9110 §13) say the client's copy is current, so 304 Not Modified will do.</summary>
internal static class ConditionalGet
{
    public static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        var headers = request.GetTypedHeaders();
        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            // When both are sent, If-None-Match decides and If-Modified-Since is ignored.
            return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && lastModified is { } modified && Seconds(modified) <= since;
    }

    /// <summary>HTTP dates have whole seconds.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);
}
