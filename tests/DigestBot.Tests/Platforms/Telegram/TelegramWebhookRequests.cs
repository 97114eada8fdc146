using System.Text;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>What Telegram POSTs to a webhook: an update, with the secret token header.</summary>
internal static class TelegramWebhookRequests
{
    public const string Secret = "s3cret_Token-1";
    public const string HookUrl = "https://bot.example.org/telegram/webhook";
    public const string Path = "/telegram/webhook";

    /// <summary>A private message from <paramref name="from"/> (<see cref="TelegramChatHost.Reader"/>), a command when it starts with a slash.</summary>
    public static JsonObject Update(int id, string text, long from = TelegramChatHost.Reader)
    {
        var message = TelegramUpdates.Message(from, from, text, messageId: id, entities: ("bot_command", 0, text.Split(' ')[0].Length, null));
        var update = TelegramUpdates.Update(message);
        update["update_id"] = id;
        return update;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, JsonObject update, string? secret = Secret, string? raw = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = new StringContent(raw ?? update.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await http.SendAsync(request);
    }
}
