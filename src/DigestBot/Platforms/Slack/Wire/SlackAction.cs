namespace DigestBot.Platforms.Slack.Wire;

/// <summary>One pressed button of a <c>block_actions</c> payload: which (<see cref="ActionId"/>) and what it carried.</summary>
internal sealed record SlackAction
{
    public string ActionId { get; init; } = "";

    /// <summary>Whatever the button was sent with; it comes back from the user's client, so it is checked like user input.</summary>
    public string? Value { get; init; }
}
