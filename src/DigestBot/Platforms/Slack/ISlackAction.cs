using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>What one kind of button does when pressed; <see cref="SlackInteractions"/> routes to it by <see cref="ActionId"/>.</summary>
internal interface ISlackAction
{
    string ActionId { get; }

    Task HandleAsync(SlackInteraction interaction, SlackAction action, CancellationToken ct);
}
