using System.Text.Json;

namespace DigestBot.Platforms.Slack.Wire;

/// <summary>One Socket Mode frame: <c>hello</c>, <c>disconnect</c>, or an envelope to acknowledge by <see cref="EnvelopeId"/>.</summary>
internal sealed record SocketModeEnvelope
{
    /// <summary><c>hello</c>, <c>disconnect</c>, <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c>.</summary>
    public string Type { get; init; } = "";

    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    /// <summary>For <c>disconnect</c>: <c>warning</c>, <c>refresh_requested</c> or <c>link_disabled</c>.</summary>
    public string? Reason { get; init; }
}
