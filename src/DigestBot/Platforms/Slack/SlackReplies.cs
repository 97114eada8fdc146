using DigestBot.Chat;
using DigestBot.Formatting.Slack;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>Renders chat answers for Slack, linking each posted note to its post in the Slack channel.</summary>
internal sealed class SlackReplies(DeliveryStore deliveries, ChatCommandHandler commands, IOptions<SlackOptions> options)
{
    public async Task<SlackMessage> RenderAsync(ChatReply reply, CancellationToken ct)
    {
        var links = new Dictionary<long, string>();
        if (options.Value.Channel is { Length: > 0 } channel)
        {
            var key = SlackDestination.KeyPrefix + channel.Trim();
            foreach (var note in reply.Notes.Where(n => !n.Queued))
            {
                if (await deliveries.FindAsync(note.Id, key, ct) is { State: DeliveryState.Sent, Permalink: { } permalink })
                {
                    links[note.Id] = permalink;
                }
            }
        }

        return SlackReplyRenderer.Render(reply, links, commands.FormatSlot);
    }
}
