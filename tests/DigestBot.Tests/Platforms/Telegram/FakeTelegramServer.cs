using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// The Telegram Bot API on a real Kestrel socket at <c>{BaseUrl}/bot{token}/{method}</c>: the methods DigestBot
/// uses, Telegram's error shapes, its flood limits as real 429s, and failures a test can order up.
/// </summary>
internal sealed partial class FakeTelegramServer : IAsyncDisposable
{
    private const int MaxTextLength = 4096;

    // Parameters whose form-encoded value is itself JSON, as Telegram reads them.
    private static readonly HashSet<string> JsonParameters =
        ["reply_parameters", "link_preview_options", "reply_markup", "commands", "allowed_updates", "entities", "scope", "results"];

    private readonly LoopbackServer _server;
    private readonly FakeTelegramOptions _options;
    private readonly Lock _lock = new();
    private readonly List<FakeTelegramCall> _calls = [];
    private readonly List<FakeTelegramAnswer> _answers = [];
    private readonly Dictionary<string, Chat> _chats = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<DateTimeOffset> _allSends = [];
    private readonly Dictionary<string, Queue<(FakeTelegramFailure Failure, int RetryAfter)>> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _blockedBy = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _updates = [];
    private readonly Dictionary<(long Chat, long User), string?> _members = [];
    private readonly Dictionary<string, int> _arrivals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Method, int Count, TaskCompletionSource Done)> _arrivalWaiters = [];
    private TaskCompletionSource _updateArrived = NewSignal();
    private int _nextUpdateId = 100_000;
    private long _nextChannelId = 1_000_000_001;
    private int _tooManyRequests;
    private int _memberLookupFailures;
    private readonly Dictionary<string, int> _holdAfter = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _loseAnswersAfter = new(StringComparer.OrdinalIgnoreCase);
    private int _inProgress;

    private FakeTelegramServer(FakeTelegramOptions options)
    {
        _server = new LoopbackServer(app => app.Run(HandleAsync));
        _options = options;
    }

    /// <summary>Pass to <c>TelegramBotClientOptions(token, baseUrl)</c>.</summary>
    public string BaseUrl => _server.BaseAddress.GetLeftPart(UriPartial.Authority);

    public string Token => _options.Token;

    public long BotId => long.Parse(Token[..Token.IndexOf(':')], CultureInfo.InvariantCulture);

    public IReadOnlyList<FakeTelegramCall> Calls
    {
        get { lock (_lock) { return [.. _calls]; } }
    }

    /// <summary>
    /// Every <c>sendMessage</c> to a numeric chat as (chat, when, status), in order. Without <see cref="FakeTelegramOptions.KeepBodies"/>
    /// this is all the fake keeps of them: plain values, nothing for its garbage collector to trace.
    /// </summary>
    public IReadOnlyList<FakeTelegramAnswer> Answers
    {
        get { lock (_lock) { return [.. _answers]; } }
    }

    /// <summary>Successful <c>sendMessage</c> calls, in order.</summary>
    public IReadOnlyList<FakeTelegramCall> SentMessages =>
        Calls.Where(c => c.Method == "sendMessage" && c.StatusCode == 200).ToList();

    /// <summary>How many calls of <paramref name="method"/> have arrived so far (answered or not).</summary>
    public int Arrivals(string method)
    {
        lock (_lock)
        {
            return _arrivals.GetValueOrDefault(method);
        }
    }

    /// <summary>
    /// From now on every <c>sendMessage</c> arriving after the first <paramref name="count"/> (counted since the fake
    /// started) is never answered nor accepted: it waits until its sender goes away. A test that kills the bot at the
    /// <paramref name="count"/>th send then knows where the bot stopped, however fast it posts on a busy machine.
    /// </summary>
    public void HoldSendsAfter(int count) => HoldAfter("sendMessage", count);

    /// <summary>The same for any <paramref name="method"/>, e.g. <c>editMessageText</c>: a held call is never carried out.</summary>
    public void HoldAfter(string method, int count)
    {
        lock (_lock)
        {
            _holdAfter[method] = count;
        }
    }

    /// <summary>
    /// From now on every <paramref name="method"/> call arriving after the first <paramref name="count"/> is carried out
    /// and recorded, but its answer never leaves: the bot cannot know it succeeded, as when it is killed mid-request.
    /// </summary>
    public void LoseAnswersAfter(string method, int count)
    {
        lock (_lock)
        {
            _loseAnswersAfter[method] = count;
        }
    }

    /// <summary>Requests being answered now; held sends do not count.</summary>
    public int InProgress => Volatile.Read(ref _inProgress);

    public int TooManyRequestsSent
    {
        get { lock (_lock) { return _tooManyRequests; } }
    }

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecretToken { get; private set; }

    public IReadOnlyList<(string Command, string Description)> Commands { get; private set; } = [];

    /// <summary>The menus set for one <c>language_code</c>; <see cref="Commands"/> is the default menu.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Command, string Description)>> CommandsByLanguage { get; private set; } =
        new Dictionary<string, IReadOnlyList<(string Command, string Description)>>();

    public static async Task<FakeTelegramServer> StartAsync(FakeTelegramOptions? options = null)
    {
        var server = new FakeTelegramServer(options ?? new FakeTelegramOptions());
        await server._server.StartAsync();
        return server;
    }

    /// <summary>Declare a chat's type and name; unknown chats are typed by id (positive private, -100… channel, other negative group).</summary>
    public void AddChat(long id, string type, string? title = null, string? username = null)
    {
        lock (_lock)
        {
            var chat = new Chat(id, type, title, username);
            _chats[id.ToString(CultureInfo.InvariantCulture)] = chat;
            if (username is not null)
            {
                _chats["@" + username] = chat;
            }
        }
    }

    /// <summary>The chat's user blocked the bot (or a group removed it): every later <c>sendMessage</c> to it gets 403.</summary>
    public void BlockBot(long chatId)
    {
        lock (_lock)
        {
            _blockedBy.Add(chatId.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The bot was removed from a channel (<c>@name</c> or id), or lost the right to post: 403 until <see cref="UnblockBot"/>.</summary>
    public void BlockBot(string chat)
    {
        lock (_lock)
        {
            _blockedBy.Add(chat);
        }
    }

    /// <summary>The permission came back.</summary>
    public void UnblockBot(string chat)
    {
        lock (_lock)
        {
            _blockedBy.Remove(chat);
        }
    }

    /// <summary>
    /// What <c>getChatMember</c> says of the user in the chat: <c>creator</c>, <c>administrator</c>, <c>member</c>,
    /// <c>restricted</c> (still a member), <c>restricted_left</c>, <c>left</c> or <c>kicked</c>; null for "user not found".
    /// A user never declared is a plain member.
    /// </summary>
    public void SetChatMember(long chatId, long userId, string? status) =>
        SetChatMember(chatId.ToString(CultureInfo.InvariantCulture), userId, status);

    /// <inheritdoc cref="SetChatMember(long, long, string?)"/>
    public void SetChatMember(string chat, long userId, string? status)
    {
        lock (_lock)
        {
            _members[(ChatFor(chat).Id, userId)] = status;
        }
    }

    /// <summary>The next <paramref name="count"/> <c>getChatMember</c> calls fail with Telegram's 500, as when it cannot answer.</summary>
    public void FailNextChatMemberLookups(int count)
    {
        lock (_lock)
        {
            _memberLookupFailures += count;
        }
    }

    /// <summary>The next <paramref name="count"/> <c>sendMessage</c> calls fail this way, before any other check.</summary>
    public void FailNextSends(int count, FakeTelegramFailure failure, int retryAfterSeconds = 5) => FailNext("sendMessage", count, failure, retryAfterSeconds);

    /// <summary>The next <paramref name="count"/> <c>editMessageText</c> calls fail this way, before any other check.</summary>
    public void FailNextEdits(int count, FakeTelegramFailure failure, int retryAfterSeconds = 5) => FailNext("editMessageText", count, failure, retryAfterSeconds);

    /// <summary>
    /// The next <paramref name="count"/> calls of <paramref name="method"/> (<c>sendMessage</c>, <c>editMessageText</c> or
    /// <c>deleteMessage</c>) fail this way, before any other check.
    /// </summary>
    public void FailNext(string method, int count, FakeTelegramFailure failure, int retryAfterSeconds = 5)
    {
        lock (_lock)
        {
            if (!_failures.TryGetValue(method, out var queue))
            {
                _failures[method] = queue = new();
            }

            for (var i = 0; i < count; i++)
            {
                queue.Enqueue((failure, retryAfterSeconds));
            }
        }
    }

    /// <summary>Queue an update for <c>getUpdates</c>; the fake assigns and returns its <c>update_id</c>.</summary>
    public int EnqueueUpdate(JsonObject update)
    {
        lock (_lock)
        {
            var id = _nextUpdateId++;
            update["update_id"] = id;
            _updates.Add(update);
            _updateArrived.TrySetResult();
            _updateArrived = NewSignal();
            return id;
        }
    }

    /// <summary>A user (or, for channels, the channel) writes <paramref name="text"/> into <paramref name="chatId"/>.</summary>
    public int EnqueueMessage(long chatId, string text, long fromUserId = 4242, string? languageCode = null)
    {
        JsonObject message;
        string kind;
        lock (_lock)
        {
            var chat = ChatFor(chatId.ToString(CultureInfo.InvariantCulture));
            message = new JsonObject
            {
                ["message_id"] = chat.NextMessageId++,
                ["date"] = _options.Time.GetUtcNow().ToUnixTimeSeconds(),
                ["chat"] = chat.ToJson(),
                ["text"] = text,
            };
            if (chat.Type != "channel")
            {
                message["from"] = new JsonObject { ["id"] = fromUserId, ["is_bot"] = false, ["first_name"] = "Tess", ["username"] = "tess_reader" };
                if (languageCode is not null)
                {
                    message["from"]!["language_code"] = languageCode;
                }
            }

            if (text.StartsWith('/'))
            {
                var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
                message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
            }

            chat.Texts[message["message_id"]!.GetValue<int>()] = text;
            kind = chat.Type == "channel" ? "channel_post" : "message";
        }

        return EnqueueUpdate(new JsonObject { [kind] = message });
    }

    /// <summary>Completes once <paramref name="count"/> calls of <paramref name="method"/> have arrived (answered or not).</summary>
    public Task WaitForArrivalsAsync(string method, int count)
    {
        lock (_lock)
        {
            if (_arrivals.GetValueOrDefault(method) >= count)
            {
                return Task.CompletedTask;
            }

            var done = NewSignal();
            _arrivalWaiters.Add((method, count, done));
            return done.Task;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _inProgress);
        var counted = true;
        try
        {
            counted = await AnswerAsync(context);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _inProgress);
            }
        }
    }

    /// <summary>Answers the request; false when it was held and so left the count of requests in progress early.</summary>
    private async Task<bool> AnswerAsync(HttpContext context)
    {
        var at = _options.Time.GetUtcNow();
        var path = PathShape().Match(context.Request.Path.Value ?? "");
        if (!path.Success)
        {
            await WriteAsync(context, 404, Error(404, "Not Found"));
            return true;
        }

        var method = path.Groups["method"].Value;
        var parameters = await ReadParametersAsync(context.Request);
        bool held, lost;
        lock (_lock)
        {
            _arrivals[method] = _arrivals.GetValueOrDefault(method) + 1;
            held = _holdAfter.TryGetValue(method, out var holdAfter) && _arrivals[method] > holdAfter;
            lost = _loseAnswersAfter.TryGetValue(method, out var loseAfter) && _arrivals[method] > loseAfter;
            foreach (var waiter in _arrivalWaiters.Where(w => string.Equals(w.Method, method, StringComparison.OrdinalIgnoreCase) && w.Count <= _arrivals[method]).ToList())
            {
                waiter.Done.TrySetResult();
                _arrivalWaiters.Remove(waiter);
            }
        }

        if (held)
        {
            await HangAsync(context);
            return false;
        }

        if (_options.SendLatency is { } latency && string.Equals(method, "sendMessage", StringComparison.OrdinalIgnoreCase))
        {
            await Task.Delay(latency, _options.Time, context.RequestAborted);
        }

        int status;
        JsonObject? body;
        if (path.Groups["token"].Value != _options.Token)
        {
            (status, body) = (401, Error(401, "Unauthorized"));
        }
        else
        {
            (status, body) = method.ToLowerInvariant() switch
            {
                "getme" => Ok(BotUser()),
                "sendmessage" => SendMessage(parameters, at),
                "getupdates" => await GetUpdatesAsync(parameters, at, context.RequestAborted),
                "setmycommands" => SetMyCommands(parameters),
                "answercallbackquery" => AnswerCallbackQuery(parameters),
                "answerinlinequery" => AnswerInlineQuery(parameters),
                "editmessagetext" => EditMessageText(parameters, at),
                "deletemessage" => DeleteMessage(parameters),
                "deletewebhook" => DeleteWebhook(parameters),
                "setwebhook" => SetWebhook(parameters),
                "getchatmember" => GetChatMember(parameters),
                _ => (404, Error(404, "Not Found")),
            };
        }

        Record(method, parameters, at, status, context.Request.ContentType);
        if (lost)
        {
            await HangAsync(context);
            return false;
        }

        switch (status)
        {
            case 0:
                context.Abort();
                return true;
            case 502:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n");
                return true;
            default:
                await WriteAsync(context, status, body!);
                return true;
        }
    }

    /// <summary>Leaves the request unanswered until its sender goes away; it stops counting as in progress at once.</summary>
    private async Task HangAsync(HttpContext context)
    {
        Interlocked.Decrement(ref _inProgress);
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping);
        await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        context.Abort();
    }

    private Chat ChatFor(string chatId)
    {
        if (_chats.TryGetValue(chatId, out var chat))
        {
            return chat;
        }

        chat = chatId.StartsWith('@')
            ? new Chat(-(1_000_000_000_000 + _nextChannelId++), "channel", chatId[1..], chatId[1..])
            : new Chat(long.Parse(chatId, CultureInfo.InvariantCulture), ChatType(long.Parse(chatId, CultureInfo.InvariantCulture)), $"Chat {chatId}", null);
        _chats[chatId] = chat;
        _chats[chat.Id.ToString(CultureInfo.InvariantCulture)] = chat;
        return chat;
    }

    private static string ChatType(long id) =>
        id > 0 ? "private" : id.ToString(CultureInfo.InvariantCulture).StartsWith("-100", StringComparison.Ordinal) ? "channel" : "group";

    private JsonObject Message(Chat chat, int id, DateTimeOffset now, string text)
    {
        var message = new JsonObject
        {
            ["message_id"] = id,
            ["date"] = now.ToUnixTimeSeconds(),
            ["chat"] = chat.ToJson(),
            ["text"] = text,
        };
        if (chat.Type == "channel")
        {
            message["sender_chat"] = chat.ToJson();
        }
        else
        {
            message["from"] = BotUser();
        }

        return message;
    }

    private JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "DigestBot (test)",
        ["username"] = _options.BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    private void Record(string method, JsonObject p, DateTimeOffset at, int status, string? contentType)
    {
        var answer = method == "sendMessage" && Long(p, "chat_id") is { } chat ? new FakeTelegramAnswer(chat, at, status) : (FakeTelegramAnswer?)null;
        var call = _options.KeepBodies
            ? new FakeTelegramCall(
                method, Str(p, "chat_id"), Str(p, "text"), ReplyTo(p), p["link_preview_options"] as JsonObject, Str(p, "parse_mode"),
                at, status, contentType, p)
            : null;
        lock (_lock)
        {
            if (call is not null)
            {
                _calls.Add(call);
            }

            if (answer is { } a)
            {
                _answers.Add(a);
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [GeneratedRegex("^/bot(?<token>[^/]+)/(?<method>[A-Za-z]+)$")]
    private static partial Regex PathShape();

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();

    private sealed class Chat(long id, string type, string? title, string? username)
    {
        public long Id { get; } = id;

        public string Type { get; } = type;

        public int NextMessageId { get; set; } = 1;

        public List<DateTimeOffset> Sent { get; } = [];

        public Dictionary<int, string> Texts { get; } = [];

        public JsonObject ToJson()
        {
            var chat = new JsonObject { ["id"] = Id, ["type"] = Type };
            if (title is not null && Type != "private")
            {
                chat["title"] = title;
            }

            if (username is not null)
            {
                chat["username"] = username;
            }

            if (Type == "private")
            {
                chat["first_name"] = "Tess";
            }

            return chat;
        }
    }
}
