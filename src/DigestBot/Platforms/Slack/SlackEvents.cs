using DigestBot.Platforms.Slack.Wire;
using DigestBot.Storage;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Takes Events API callbacks from either transport: drops repeats by <c>event_id</c> (remembered in the
/// database, so a retry after a restart is dropped too) and events not meant for DigestBot, and hands the
/// rest to <see cref="SlackConversation"/> or <see cref="SlackAppHome"/> after Slack has been answered.
/// </summary>
internal sealed class SlackEvents(
    HandledUpdateStore handled, SlackBackgroundWork background, SlackConversation conversation, SlackAppHome home, ILogger<SlackEvents> log)
{
    /// <returns>True when the event will be handled; false for a repeat or an event DigestBot ignores.</returns>
    public async Task<bool> AcceptAsync(SlackEventEnvelope envelope, CancellationToken ct)
    {
        if (envelope.Type != "event_callback" || envelope.Event is not { } e || !IsForUs(e))
        {
            return false;
        }

        if (envelope.EventId is { Length: > 0 } id && !await handled.TryClaimAsync(SlackChatSender.PlatformName, id, ct))
        {
            Log.DuplicateEvent(log, id);
            return false;
        }

        Log.EventAccepted(log, e.Type, envelope.EventId ?? "", e.Channel ?? "");
        await background.EnqueueAsync("event " + e.Type, token => HandleAsync(e, token), ct);
        return true;
    }

    private Task HandleAsync(SlackEvent e, CancellationToken ct) => e.Type switch
    {
        "app_home_opened" => home.PublishAsync(e.User!, ct),
        _ => conversation.HandleAsync(e, ct),
    };

    /// <summary>
    /// Mentions of the app, direct messages written by a person (not edits, not bots, not the app itself), and a
    /// reader opening the app's Home tab.
    /// </summary>
    private static bool IsForUs(SlackEvent e) =>
        (e.Type == "app_home_opened" && e.Tab == "home" && e.User is { Length: > 0 })
        || e.Subtype is null && e.BotId is null && e.User is { Length: > 0 } && e.Channel is { Length: > 0 } && e.Ts is { Length: > 0 }
        && (e.Type == "app_mention" || (e.Type == "message" && e.ChannelType == "im"));
}
