using System.Net;

namespace DigestBot.Sources;

/// <summary>
/// arXiv could not answer right now: throttled, down, slow or unreachable.
/// Always transient: the same request may succeed later.
/// </summary>
internal sealed class ArxivUnavailableException(string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
