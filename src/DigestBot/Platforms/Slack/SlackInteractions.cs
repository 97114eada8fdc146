using DigestBot.Platforms.Slack.Wire;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Takes <c>block_actions</c> from either transport (<c>/slack/interactivity</c> or a Socket Mode <c>interactive</c>
/// envelope) after Slack has been answered, and hands each pressed button to the <see cref="ISlackAction"/> with its
/// action id. Buttons of DigestBot's that this version no longer knows are logged and left alone.
/// </summary>
internal sealed class SlackInteractions(IEnumerable<ISlackAction> handlers, SlackBackgroundWork background, ILogger<SlackInteractions> log)
{
    private readonly Dictionary<string, ISlackAction> byId = handlers.SelectMany(h => h.ActionIds.Select(id => (id, h))).ToDictionary(p => p.id, p => p.h, StringComparer.Ordinal);

    /// <returns>True when at least one action will be handled.</returns>
    public async Task<bool> AcceptAsync(SlackInteraction interaction, CancellationToken ct)
    {
        if (interaction.Type != "block_actions" || interaction.User is not { Id.Length: > 0 } user)
        {
            Log.InteractionIgnored(log, interaction.Type);
            return false;
        }

        var accepted = false;
        foreach (var action in interaction.Actions)
        {
            if (!byId.TryGetValue(action.ActionId, out var handler))
            {
                Log.UnknownAction(log, action.ActionId, user.Id);
                continue;
            }

            Log.ActionAccepted(log, action.ActionId, user.Id);
            await background.EnqueueAsync("action " + action.ActionId, token => handler.HandleAsync(interaction, action, token), ct);
            accepted = true;
        }

        return accepted;
    }
}
