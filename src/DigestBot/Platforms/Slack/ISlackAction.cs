using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>What one kind of button does when pressed; <see cref="SlackInteractions"/> routes to it by action id.</summary>
internal interface ISlackAction
{
    IReadOnlyList<string> ActionIds { get; }

    Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct);
}
