namespace DigestBot.Tests.Sources;

public enum FakeArxivFailure
{
    /// <summary>HTTP 200 with the plain text <c>Rate exceeded.</c>, as arXiv's throttle answers.</summary>
    RateExceededText,
    ServiceUnavailable,
    TooManyRequests,
    /// <summary>Never answer; the request stays open until the client gives up.</summary>
    Hang,
}
