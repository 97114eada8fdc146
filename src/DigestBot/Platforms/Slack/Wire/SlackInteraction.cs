namespace DigestBot.Platforms.Slack.Wire;

/// <summary>
/// An interactivity payload (the <c>payload</c> form field over HTTP, or a Socket Mode <c>interactive</c> envelope's
/// payload), with the fields DigestBot reads. Only <c>block_actions</c> is handled.
/// </summary>
internal sealed record SlackInteraction
{
    public string Type { get; init; } = "";

    /// <summary>Who pressed: every action that changes something checks this person.</summary>
    public SlackId? User { get; init; }

    /// <summary>Where the message with the button is; absent for buttons in the App Home.</summary>
    public SlackId? Channel { get; init; }

    /// <summary>Replaces or answers the message the button is on (ephemeral messages included); absent in the App Home.</summary>
    public string? ResponseUrl { get; init; }

    public IReadOnlyList<SlackAction> Actions { get; init; } = [];
}
