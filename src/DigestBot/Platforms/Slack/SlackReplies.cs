using DigestBot.Chat;
using DigestBot.Formatting.Slack;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>Renders chat answers for Slack, linking each posted note to its post in the Slack channel.</summary>
internal sealed class SlackReplies(ChatCommandHandler commands, IOptions<SlackOptions> options)
{
    public SlackMessage Render(ChatReply reply)
    {
        var links = new Dictionary<long, string>();
        if (options.Value.Channel is { Length: > 0 } channel)
        {
            var key = SlackDestination.KeyPrefix + channel.Trim();
            foreach (var note in reply.Notes)
            {
                if (note.PostLinks.TryGetValue(key, out var permalink))
                {
                    links[note.Id] = permalink;
                }
            }
        }

        return SlackReplyRenderer.Render(reply, links, commands.FormatSlot);
    }
}
