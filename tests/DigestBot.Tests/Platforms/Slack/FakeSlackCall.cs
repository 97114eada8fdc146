using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>One Web API call as the fake saw it; <paramref name="Error"/> is the <c>error</c> it answered, if any.</summary>
internal sealed record FakeSlackCall(
    string Method,
    string? Token,
    JsonObject Body,
    string? ContentType,
    DateTimeOffset At,
    int StatusCode,
    string? Error,
    IReadOnlyList<string> BlockKitProblems)
{
    /// <summary>The id the fake gave a posted message.</summary>
    public string? Ts => (string?)Body["__ts"];

    public string? ThreadTs => (string?)Body["thread_ts"];

    public string? Channel => (string?)Body["channel"];

    /// <summary>The body as the client sent it.</summary>
    public string Json
    {
        get
        {
            var copy = Body.DeepClone().AsObject();
            copy.Remove("__ts");
            return copy.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }
    }
}
