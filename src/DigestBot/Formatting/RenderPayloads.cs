using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;

namespace DigestBot.Formatting;

/// <summary>The exact API request bodies a note becomes, one JSON object a line (for <c>render</c>).</summary>
internal static class RenderPayloads
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>sendMessage parameters; <c>reply_to_part</c> names the part a continuation replies to.</summary>
    public static IEnumerable<string> TelegramJsonLines(Note note, string chatId)
    {
        foreach (var part in new TelegramNoteRenderer().Render(note))
        {
            var body = new JsonObject
            {
                ["chat_id"] = chatId,
                ["text"] = part.Html,
                ["parse_mode"] = "HTML",
                ["link_preview_options"] = part.PreviewUrl is { } url
                    ? new JsonObject { ["url"] = url }
                    : new JsonObject { ["is_disabled"] = true },
            };
            if (part.ReplyToPart is { } replyTo)
            {
                body["reply_to_part"] = replyTo;
            }

            yield return body.ToJsonString(Readable);
        }
    }

    /// <summary>chat.postMessage bodies; a continuation carries <c>reply_to_part</c> for the client to thread it.</summary>
    public static IEnumerable<string> SlackJsonLines(Note note, string channel)
    {
        foreach (var message in new SlackNoteRenderer().RenderThread(note))
        {
            var body = JsonSerializer.SerializeToNode(message, SlackJsonContext.Readable.SlackMessage)!.AsObject();
            body.Insert(0, "channel", channel);
            yield return body.ToJsonString(Readable);
        }
    }
}
