namespace DigestBot.Tests.Sources;

internal sealed record FakeArxivRequest(string PathAndQuery, DateTimeOffset At);
