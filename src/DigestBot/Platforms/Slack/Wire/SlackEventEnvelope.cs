namespace DigestBot.Platforms.Slack.Wire;

/// <summary>The outer object of an Events API request (and of a Socket Mode <c>events_api</c> payload).</summary>
internal sealed record SlackEventEnvelope
{
    /// <summary><c>url_verification</c> or <c>event_callback</c>.</summary>
    public string Type { get; init; } = "";

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    /// <summary>Same for every retry of one event: what duplicates are recognised by.</summary>
    public string? EventId { get; init; }

    public SlackEvent? Event { get; init; }
}
