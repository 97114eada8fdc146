using DigestBot.Formatting.Slack;
using DigestBot.Notes;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Posts a note into <see cref="SlackOptions.Channel"/> as Block Kit, continuations in the first message's
/// thread, and returns the first message's permalink so lookups can link to it.
/// </summary>
internal sealed class SlackDestination(string channel, ChatApi chat, SlackNoteRenderer renderer, ILogger<SlackDestination> log) : IDestination
{
    public const string KeyPrefix = "slack:";

    public string Key => KeyPrefix + channel;

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        var messages = renderer.RenderThread(note);
        var sent = new List<string>(sentMessageIds);
        try
        {
            for (var part = sent.Count; part < messages.Count; part++)
            {
                var message = messages[part];
                var threadTs = message.ReplyToPart is { } replyTo && replyTo < sent.Count ? sent[replyTo] : null;
                var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(message, channel, threadTs), ct);
                await partSent(posted.Ts, ct);
                sent.Add(posted.Ts);
            }

            return sent.Count == 0 ? null : await PermalinkAsync(sent[0], ct);
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // Wrong token, unknown channel, bot not invited, blocks refused: waiting will not fix any of them.
            throw new DeliveryRejectedException(Explain(ex), ex);
        }
    }

    private async Task<string?> PermalinkAsync(string ts, CancellationToken ct)
    {
        try
        {
            return (await chat.GetPermalinkAsync(channel, ts, ct)).Permalink;
        }
        catch (SlackApiException ex) when (!ex.IsTransient)
        {
            // The post is there; a missing link only makes lookups link to the paper alone.
            Log.PermalinkUnavailable(log, channel, ts, ex.Error);
            return null;
        }
    }

    private string Explain(SlackApiException ex) => ex.Error switch
    {
        "channel_not_found" => $"Slack has no channel {channel} the bot can see ({ex.Error}); check Slack:Channel is a channel id such as C0123456789.",
        "not_in_channel" => $"The bot is not a member of {channel} ({ex.Error}); invite it with /invite @DigestBot.",
        "is_archived" => $"The channel {channel} is archived ({ex.Error}).",
        _ when ex.IsTokenError => $"Slack refused the bot token ({ex.Error}); check Slack:BotToken.",
        _ => $"Slack refused the message ({ex.Error}).",
    };
}
