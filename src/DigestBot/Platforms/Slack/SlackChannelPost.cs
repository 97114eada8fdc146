using DigestBot.Publishing;
using DigestBot.Storage;

namespace DigestBot.Platforms.Slack;

/// <summary>Where Slack surfaces link a note's post: the configured Slack channel's, else the Telegram channel's.</summary>
internal static class SlackChannelPost
{
    /// <summary>The permalink of the note's channel post; never a subscriber's copy, which only that chat can open.</summary>
    public static string? Of(StoredNote stored, SlackOptions options)
    {
        var sent = stored.Deliveries.Where(d => d.State == DeliveryState.Sent && d.Permalink is not null).ToList();
        var slack = SlackMembership.PostingChannel(options) is { } channel ? SlackDestination.KeyPrefix + channel : null;
        return sent.FirstOrDefault(d => d.Destination == slack)?.Permalink
            ?? sent.FirstOrDefault(d => DestinationKey.TryParse(d.Destination, out var key) && key.IsChannelOf(DestinationKey.Telegram))?.Permalink;
    }
}
