using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Update JSON the way Telegram shapes it, for what <see cref="FakeTelegramServer.EnqueueMessage"/> does not cover.</summary>
internal static class TelegramUpdates
{
    private static int nextMessageId = 50_000;

    public static int NextMessageId() => Interlocked.Increment(ref nextMessageId);

    public static JsonObject User(long id, bool isBot = false, string? username = null)
    {
        var user = new JsonObject { ["id"] = id, ["is_bot"] = isBot, ["first_name"] = isBot ? "DigestBot (test)" : "Cora" };
        if (username is not null)
        {
            user["username"] = username;
        }

        return user;
    }

    private static JsonObject WithLanguage(JsonObject user, string languageCode)
    {
        user["language_code"] = languageCode;
        return user;
    }

    public static JsonObject Chat(long id) => id > 0
        ? new JsonObject { ["id"] = id, ["type"] = "private", ["first_name"] = "Cora" }
        : new JsonObject { ["id"] = id, ["type"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture).StartsWith("-100", StringComparison.Ordinal) ? "channel" : "group", ["title"] = "Readers" };

    /// <summary>A message; <paramref name="entities"/> as (type, offset, length, url).</summary>
    public static JsonObject Message(long chatId, long? from, string text, int? messageId = null, params (string Type, int Offset, int Length, string? Url)[] entities)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId ?? NextMessageId(),
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId),
            ["text"] = text,
        };
        if (from is { } user)
        {
            message["from"] = User(user);
        }

        if (entities.Length > 0)
        {
            message["entities"] = new JsonArray(entities.Select(e =>
            {
                var entity = new JsonObject { ["type"] = e.Type, ["offset"] = e.Offset, ["length"] = e.Length };
                if (e.Url is not null)
                {
                    entity["url"] = e.Url;
                }

                return (JsonNode)entity;
            }).ToArray());
        }

        return message;
    }

    public static JsonObject Update(JsonObject message, string kind = "message") => new() { [kind] = message };

    public static JsonObject ForwardedFromChannel(JsonObject message, long channelId, string channelTitle, int postId)
    {
        message["forward_origin"] = new JsonObject
        {
            ["type"] = "channel",
            ["date"] = DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = channelId, ["type"] = "channel", ["title"] = channelTitle },
            ["message_id"] = postId,
        };
        return message;
    }

    public static JsonObject ReplyTo(JsonObject message, long chatId, int repliedId, long botId, string botUsername, string repliedText)
    {
        message["reply_to_message"] = new JsonObject
        {
            ["message_id"] = repliedId,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = Chat(chatId),
            ["from"] = User(botId, isBot: true, botUsername),
            ["text"] = repliedText,
        };
        return message;
    }

    public static JsonObject InlineQuery(string id, long from, string query, string offset = "") => new()
    {
        ["inline_query"] = new JsonObject { ["id"] = id, ["from"] = User(from), ["query"] = query, ["offset"] = offset },
    };

    public static JsonObject CallbackQuery(string id, long from, long chatId, int messageId, string data, string? languageCode = null) => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = id,
            ["from"] = languageCode is null ? User(from) : WithLanguage(User(from), languageCode),
            ["chat_instance"] = "-7001",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = Chat(chatId),
                ["from"] = User(1, isBot: true),
                ["text"] = "page",
            },
        },
    };
}
