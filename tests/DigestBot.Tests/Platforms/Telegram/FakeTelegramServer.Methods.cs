using System.Globalization;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The fake's Bot API methods: what each checks, records and answers, as Telegram does.</summary>
internal sealed partial class FakeTelegramServer
{
    /// <summary>The failure <see cref="FailNext"/> queued for the next call of <paramref name="method"/>, if any.</summary>
    private (int, JsonObject?)? TakeFailure(string method)
    {
        if (!_failures.TryGetValue(method, out var queue) || !queue.TryDequeue(out var failure))
        {
            return null;
        }

        return failure.Failure switch
        {
            FakeTelegramFailure.TooManyRequests => TooManyRequests(failure.RetryAfter),
            FakeTelegramFailure.BadGateway => (502, null),
            FakeTelegramFailure.DropConnection => (0, null),
            FakeTelegramFailure.ChatNotFound => (400, Error(400, "Bad Request: chat not found")),
            FakeTelegramFailure.MessageTooLong => (400, Error(400, "Bad Request: message is too long")),
            FakeTelegramFailure.MessageCantBeEdited => (400, Error(400, "Bad Request: message can't be edited")),
            _ => (403, Error(403, "Forbidden: bot is not a member of the channel chat")),
        };
    }

    private (int, JsonObject?) SendMessage(JsonObject p, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (TakeFailure("sendMessage") is { } failed)
            {
                return failed;
            }

            if (Str(p, "chat_id") is not { Length: > 0 } chatId)
            {
                return (400, Error(400, "Bad Request: chat_id is empty"));
            }

            if (!chatId.StartsWith('@') && !long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return (400, Error(400, "Bad Request: chat not found"));
            }

            if (_blockedBy.Contains(chatId))
            {
                return chatId.StartsWith('@') || chatId.StartsWith("-100", StringComparison.Ordinal)
                    ? (403, Error(403, "Forbidden: bot is not a member of the channel chat"))
                    : (403, Error(403, "Forbidden: bot was blocked by the user"));
            }

            var (visible, problem) = CheckText(p);
            if (problem is not null)
            {
                return problem.Value;
            }

            var chat = ChatFor(chatId);
            var replyTo = ReplyTo(p);
            if (replyTo is { } r && !chat.Texts.ContainsKey(r)
                && p["reply_parameters"]?["allow_sending_without_reply"]?.GetValue<bool>() != true)
            {
                return (400, Error(400, "Bad Request: message to be replied not found"));
            }

            // Flood limits count sends in the order they are taken, stamped as they are taken (a request that arrived
            // earlier may be taken later, its body read more slowly): stamped at arrival, a send taken after later
            // ones would count them as inside its window, and a paced bot would see a 429 Telegram never gives.
            var taken = _options.Time.GetUtcNow();
            if (RetryAfter(chat, taken) is { } wait)
            {
                return TooManyRequests(wait);
            }

            chat.Sent.Add(taken);
            _allSends.Add(taken);
            var id = chat.NextMessageId++;
            if (_options.KeepBodies)
            {
                chat.Texts[id] = visible!;
            }

            var message = Message(chat, id, now, visible!);
            // With allow_sending_without_reply, a reply to a message the fake never saw is sent as a plain message.
            if (replyTo is { } replied && chat.Texts.TryGetValue(replied, out var repliedText))
            {
                message["reply_to_message"] = Message(chat, replied, now, repliedText);
            }

            if (p["link_preview_options"] is JsonObject preview)
            {
                message["link_preview_options"] = preview.DeepClone();
            }

            return Ok(message);
        }
    }

    private async Task<(int, JsonObject?)> GetUpdatesAsync(JsonObject p, DateTimeOffset arrived, CancellationToken aborted)
    {
        var offset = Long(p, "offset") ?? 0;
        var limit = (int)Math.Clamp(Long(p, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, Long(p, "timeout") ?? 0));
        // From arrival, so a test that advances time as soon as the call lands cannot outrun the wait.
        var deadline = arrived + timeout;
        while (true)
        {
            Task updateArrived;
            lock (_lock)
            {
                if (WebhookUrl is not null)
                {
                    return (409, Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
                }

                // Asking from an offset confirms, and forgets, everything before it.
                if (offset > 0)
                {
                    _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
                }
                else if (offset < 0 && _updates.Count > -offset)
                {
                    _updates.RemoveRange(0, _updates.Count - (int)-offset);
                }

                if (_updates.Count > 0)
                {
                    return Ok(new JsonArray(_updates.Take(limit).Select(u => (JsonNode)u.DeepClone()).ToArray()));
                }

                updateArrived = _updateArrived.Task;
            }

            var remaining = deadline - _options.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return Ok(new JsonArray());
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted, _server.Stopping);
            var expiry = Task.Delay(remaining, _options.Time, stop.Token);
            // A fake clock may have been advanced between reading it and starting the timer.
            if (_options.Time.GetUtcNow() >= deadline)
            {
                return Ok(new JsonArray());
            }

            try
            {
                await Task.WhenAny(updateArrived, expiry);
            }
            catch (OperationCanceledException)
            {
                return Ok(new JsonArray());
            }

            if (stop.IsCancellationRequested)
            {
                return Ok(new JsonArray());
            }
        }
    }

    private (int, JsonObject?) SetMyCommands(JsonObject p)
    {
        if (p["commands"] is not JsonArray commands)
        {
            return (400, Error(400, "Bad Request: parameter \"commands\" is required"));
        }

        var parsed = new List<(string, string)>();
        foreach (var command in commands)
        {
            var name = command?["command"]?.GetValue<string>() ?? "";
            var description = command?["description"]?.GetValue<string>() ?? "";
            if (!CommandName().IsMatch(name) || description.Length is < 1 or > 256)
            {
                return (400, Error(400, "Bad Request: BOT_COMMAND_INVALID"));
            }

            parsed.Add((name, description));
        }

        if (p["language_code"]?.GetValue<string>() is { Length: > 0 } language)
        {
            CommandsByLanguage = new Dictionary<string, IReadOnlyList<(string, string)>>(CommandsByLanguage) { [language] = parsed };
        }
        else
        {
            Commands = parsed;
        }

        return Ok(true);
    }

    /// <summary>Telegram takes at most 50 results, each with a unique id, and an offset of at most 64 bytes.</summary>
    private static (int, JsonObject?) AnswerInlineQuery(JsonObject p) =>
        Str(p, "inline_query_id") is not { Length: > 0 } ? (400, Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid"))
        : p["results"] is not JsonArray results ? (400, Error(400, "Bad Request: RESULTS_INVALID"))
        : results.Count > 50 ? (400, Error(400, "Bad Request: RESULTS_TOO_MUCH"))
        : results.Select(r => (string?)r?["id"]).Distinct().Count() != results.Count ? (400, Error(400, "Bad Request: RESULT_ID_DUPLICATE"))
        : Str(p, "next_offset") is { Length: > 64 } ? (400, Error(400, "Bad Request: NEXT_OFFSET_INVALID"))
        : Ok(true);

    private static (int, JsonObject?) AnswerCallbackQuery(JsonObject p) =>
        Str(p, "callback_query_id") is not { Length: > 0 } ? (400, Error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid"))
        : Str(p, "text") is { Length: > 200 } ? (400, Error(400, "Bad Request: MESSAGE_TOO_LONG"))
        : Ok(true);

    private (int, JsonObject?) EditMessageText(JsonObject p, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (TakeFailure("editMessageText") is { } failed)
            {
                return failed;
            }

            var (visible, problem) = CheckText(p);
            if (problem is not null)
            {
                return problem.Value;
            }

            if (Str(p, "chat_id") is not { Length: > 0 } chatId || Long(p, "message_id") is not { } messageId
                || !_chats.TryGetValue(chatId, out var chat) || !chat.Texts.TryGetValue((int)messageId, out var old))
            {
                return (400, Error(400, "Bad Request: message to edit not found"));
            }

            if (old == visible)
            {
                return (400, Error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"));
            }

            chat.Texts[(int)messageId] = visible!;
            var message = Message(chat, (int)messageId, now, visible!);
            message["edit_date"] = now.ToUnixTimeSeconds();
            return Ok(message);
        }
    }

    /// <summary>Messages older than <see cref="RefuseDeletesOf"/> says cannot be deleted, as Telegram refuses after 48 hours.</summary>
    private (int, JsonObject?) DeleteMessage(JsonObject p)
    {
        lock (_lock)
        {
            if (TakeFailure("deleteMessage") is { } failed)
            {
                return failed;
            }

            if (Str(p, "chat_id") is not { Length: > 0 } chatId || Long(p, "message_id") is not { } messageId
                || !_chats.TryGetValue(chatId, out var chat) || !chat.Texts.ContainsKey((int)messageId))
            {
                return (400, Error(400, "Bad Request: message to delete not found"));
            }

            if (_undeletable.Contains((chat.Id, (int)messageId)))
            {
                return (400, Error(400, "Bad Request: message can't be deleted for everyone"));
            }

            chat.Texts.Remove((int)messageId);
            return Ok(true);
        }
    }

    /// <summary>The visible text of a message as it is now (after edits), or null once deleted or never kept.</summary>
    public string? CurrentText(string chatId, int messageId)
    {
        lock (_lock)
        {
            return _chats.TryGetValue(chatId, out var chat) && chat.Texts.TryGetValue(messageId, out var text) ? text : null;
        }
    }

    /// <summary>From now on Telegram refuses to delete this message (too old).</summary>
    public void RefuseDeletesOf(string chatId, int messageId)
    {
        lock (_lock)
        {
            _undeletable.Add((ChatFor(chatId).Id, messageId));
        }
    }

    private readonly HashSet<(long, int)> _undeletable = [];

    private (int, JsonObject?) DeleteWebhook(JsonObject p)
    {
        Webhook(null, null, Bool(p, "drop_pending_updates"));
        return Ok(true);
    }

    private (int, JsonObject?) SetWebhook(JsonObject p)
    {
        if (Str(p, "url") is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            return (400, Error(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"));
        }

        var secret = Str(p, "secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            return (400, Error(400, "Bad Request: secret token contains unallowed characters"));
        }

        Webhook(url, secret, Bool(p, "drop_pending_updates"));
        return Ok(true);
    }

    private void Webhook(string? url, string? secret, bool dropPendingUpdates)
    {
        lock (_lock)
        {
            WebhookUrl = url;
            WebhookSecretToken = secret;
            if (dropPendingUpdates)
            {
                _updates.Clear();
            }
        }
    }

    private static (string? Visible, (int, JsonObject?)? Problem) CheckText(JsonObject p)
    {
        var text = Str(p, "text") ?? "";
        var visible = text;
        if (string.Equals(Str(p, "parse_mode"), "HTML", StringComparison.OrdinalIgnoreCase))
        {
            var (parsed, error) = FakeTelegramHtml.Parse(text);
            if (error is not null)
            {
                return (null, (400, Error(400, "Bad Request: can't parse entities: " + error)));
            }

            visible = parsed!;
        }

        visible = visible.Trim();
        return visible.Length == 0 ? (null, (400, Error(400, "Bad Request: message text is empty")))
            : visible.Length > MaxTextLength ? (null, (400, Error(400, "Bad Request: message is too long")))
            : (visible, null);
    }

    /// <summary>How many seconds Telegram would ask us to wait before this chat may have another message, if any.</summary>
    private int? RetryAfter(Chat chat, DateTimeOffset now)
    {
        TimeSpan? wait = null;
        if (_options.PerChatInterval is { } interval && chat.Sent.Count > 0 && now - chat.Sent[^1] < interval)
        {
            wait = chat.Sent[^1] + interval - now;
        }

        if (_options.GroupMessagesPerWindow is { } groupLimit && chat.Type != "private"
            && LimitReachedAt(chat.Sent, groupLimit, _options.GroupWindow, now) is { } groupWait)
        {
            wait = Max(wait, groupWait);
        }

        if (_options.GlobalMessagesPerWindow is { } globalLimit
            && LimitReachedAt(_allSends, globalLimit, _options.GlobalWindow, now) is { } globalWait)
        {
            wait = Max(wait, globalWait);
        }

        return wait is { } w ? Math.Max(1, (int)Math.Ceiling(w.TotalSeconds)) : null;

        static TimeSpan Max(TimeSpan? a, TimeSpan b) => a is { } x && x > b ? x : b;
    }

    /// <summary>
    /// How long until one of the last <paramref name="limit"/> sends inside the window leaves it, or null while fewer
    /// are inside. Sends are kept in order, so this counts back from the newest and stops at the first one outside: a
    /// fan-out to thousands of chats must not copy every earlier send under the lock for each new one.
    /// </summary>
    private static TimeSpan? LimitReachedAt(List<DateTimeOffset> sends, int limit, TimeSpan window, DateTimeOffset now)
    {
        var inside = 0;
        for (var i = sends.Count - 1; i >= 0 && now - sends[i] < window; i--)
        {
            if (++inside == limit)
            {
                return sends[i] + window - now;
            }
        }

        return null;
    }

    private (int, JsonObject?) TooManyRequests(int retryAfter)
    {
        _tooManyRequests++;
        var error = Error(429, $"Too Many Requests: retry after {retryAfter}");
        error["parameters"] = new JsonObject { ["retry_after"] = retryAfter };
        return (429, error);
    }

    /// <summary>
    /// A user's status in a chat as <see cref="SetChatMember"/> declared it (a user never declared is a plain member),
    /// or the bot's own: an admin who may post, or gone where it was blocked or removed.
    /// </summary>
    private (int, JsonObject?) GetChatMember(JsonObject p)
    {
        lock (_lock)
        {
            var chatId = Str(p, "chat_id") ?? "";
            if (_blockedBy.Contains(chatId))
            {
                return (403, Error(403, "Forbidden: bot is not a member of the channel chat"));
            }

            if (_memberLookupFailures > 0)
            {
                _memberLookupFailures--;
                return (500, Error(500, "Internal Server Error"));
            }

            if (Long(p, "user_id") is not { } userId)
            {
                return (400, Error(400, "Bad Request: user_id is empty"));
            }

            if (userId != BotId)
            {
                var declared = _members.TryGetValue((ChatFor(chatId).Id, userId), out var status) ? status : "member";
                return declared is null ? (400, Error(400, "Bad Request: user not found")) : Ok(Member(userId, declared));
            }

            return Ok(new JsonObject
            {
                ["status"] = "administrator",
                ["user"] = BotUser(),
                ["can_be_edited"] = false,
                ["is_anonymous"] = false,
                ["can_manage_chat"] = true,
                ["can_delete_messages"] = true,
                ["can_manage_video_chats"] = false,
                ["can_restrict_members"] = false,
                ["can_promote_members"] = false,
                ["can_change_info"] = false,
                ["can_invite_users"] = false,
                ["can_post_messages"] = true,
                ["can_edit_messages"] = true,
                ["can_post_stories"] = false,
                ["can_edit_stories"] = false,
                ["can_delete_stories"] = false,
            });
        }
    }

    /// <summary>A person's <c>ChatMember</c> as Telegram shapes each status (<c>restricted_left</c> is a restricted user no longer in the chat).</summary>
    private static JsonObject Member(long userId, string status)
    {
        var member = new JsonObject
        {
            ["status"] = status == "restricted_left" ? "restricted" : status,
            ["user"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Tess" },
        };
        switch (status)
        {
            case "creator":
                member["is_anonymous"] = false;
                break;
            case "administrator":
                foreach (var right in new[]
                {
                    "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages", "can_manage_video_chats", "can_restrict_members",
                    "can_promote_members", "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories", "can_delete_stories",
                })
                {
                    member[right] = right == "can_manage_chat";
                }

                break;
            case "restricted" or "restricted_left":
                member["is_member"] = status == "restricted";
                foreach (var right in new[]
                {
                    "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos", "can_send_videos", "can_send_video_notes",
                    "can_send_voice_notes", "can_send_polls", "can_send_other_messages", "can_add_web_page_previews", "can_change_info",
                    "can_invite_users", "can_pin_messages", "can_manage_topics",
                })
                {
                    member[right] = false;
                }

                member["until_date"] = 0;
                break;
            case "kicked":
                member["until_date"] = 0;
                break;
        }

        return member;
    }
}
