using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Tests.Formatting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// Slack's Web API on a real Kestrel socket at <c>{BaseUrl}/api/{method}</c>: bearer tokens checked per method
/// (bot token, or app token for <c>apps.connections.open</c>), Slack's <c>ok: false</c> errors, every Block Kit
/// limit checked on each post, 429 with <c>Retry-After</c> on demand, <c>response_url</c> hooks, and a Socket Mode
/// WebSocket that sends envelopes, records acknowledgements and can ask the client to reconnect.
/// </summary>
internal sealed partial class FakeSlackServer : IAsyncDisposable
{
    public const string BotToken = "xoxb-1111-2222-fakebottoken";
    public const string AppToken = "xapp-1-A111-2222-fakeapptoken";
    public const string BotUserId = "UDIGESTBOT";
    public const string Channel = "C0DIGEST01";

    private readonly LoopbackServer server;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly List<FakeSlackCall> calls = [];
    private readonly List<(Uri Url, JsonObject Body)> responseUrlPosts = [];
    private readonly Queue<(string Method, FakeSlackFailure Failure, int RetryAfter)> failures = new();
    private readonly HashSet<string> channels = new(StringComparer.Ordinal) { Channel };
    private readonly HashSet<string> channelsWithoutBot = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> acks = new();
    private readonly List<(Func<bool> Done, TaskCompletionSource Signal)> waiters = [];
    private WebSocket? socket;
    private long nextTs = 1_722_300_000_000_100;
    private int connectionsOpened;
    private int socketsAccepted;

    private FakeSlackServer(TimeProvider time)
    {
        this.time = time;
        server = new LoopbackServer(app =>
        {
            app.UseWebSockets();
            app.MapPost("/api/{method}", HandleApiAsync);
            app.MapPost("/hooks/{id}", HandleResponseUrlAsync);
            app.Map("/socket/{n}", HandleSocketAsync);
        });
    }

    public string BaseUrl => server.BaseAddress.ToString().TrimEnd('/');

    /// <summary>What <c>Slack:ApiBaseUrl</c> should be.</summary>
    public string ApiBaseUrl => BaseUrl + "/api/";

    public IReadOnlyList<FakeSlackCall> Calls
    {
        get { lock (gate) { return [.. calls]; } }
    }

    /// <summary>Messages Slack accepted, in order.</summary>
    public IReadOnlyList<FakeSlackCall> Posts =>
        Calls.Where(c => c.Method == "chat.postMessage" && c.Error is null && c.StatusCode == 200).ToList();

    public IReadOnlyList<(Uri Url, JsonObject Body)> ResponseUrlPosts
    {
        get { lock (gate) { return [.. responseUrlPosts]; } }
    }

    /// <summary>Acknowledgements received over Socket Mode, in order.</summary>
    public IReadOnlyList<JsonObject> Acks => [.. acks];

    /// <summary>Successful <c>apps.connections.open</c> calls.</summary>
    public int ConnectionsOpened => Volatile.Read(ref connectionsOpened);

    public int SocketsAccepted => Volatile.Read(ref socketsAccepted);

    public static async Task<FakeSlackServer> StartAsync(TimeProvider? time = null)
    {
        var fake = new FakeSlackServer(time ?? TimeProvider.System);
        await fake.server.StartAsync();
        return fake;
    }

    /// <summary>Another channel the bot is a member of (again, after <see cref="RemoveBotFrom"/>).</summary>
    public void AddChannel(string id)
    {
        lock (gate)
        {
            channels.Add(id);
            channelsWithoutBot.Remove(id);
        }
    }

    /// <summary>Someone removed the bot from the channel: posting there answers <c>not_in_channel</c>.</summary>
    public void RemoveBotFrom(string id)
    {
        lock (gate)
        {
            channels.Remove(id);
            channelsWithoutBot.Add(id);
        }
    }

    /// <summary>A <c>response_url</c> Slack would send with a slash command.</summary>
    public string ResponseUrl(string id = "T1-B1-x") => $"{BaseUrl}/hooks/{id}";

    /// <summary>The next <paramref name="count"/> calls of <paramref name="method"/> fail this way.</summary>
    public void FailNext(string method, int count, FakeSlackFailure failure, int retryAfterSeconds = 1)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Enqueue((method, failure, retryAfterSeconds));
            }
        }
    }

    /// <summary>Completes once the condition over what the fake has seen holds.</summary>
    public Task WaitUntilAsync(Func<FakeSlackServer, bool> condition, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            signal = NewSignal();
            waiters.Add((() => condition(this), signal));
        }

        return signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
    }

    /// <summary>Sends one frame to the connected Socket Mode client.</summary>
    public async Task SendAsync(JsonObject frame)
    {
        var open = socket ?? throw new InvalidOperationException("No Socket Mode client is connected.");
        await open.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, server.Stopping);
    }

    /// <summary>An <c>events_api</c> envelope around an <c>event_callback</c>.</summary>
    public static JsonObject EventsApiEnvelope(string envelopeId, JsonObject callback, int retryAttempt = 0) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        ["payload"] = callback.DeepClone(),
    };

    /// <summary>Slack's request to reconnect: the URL is rotating.</summary>
    public Task RequestReconnectAsync() =>
        SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = "refresh_requested",
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
        });

    /// <summary>Drops the Socket Mode connection without a close handshake, as a network failure would.</summary>
    public void DropConnection()
    {
        lock (gate)
        {
            socket?.Abort();
        }
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private async Task HandleApiAsync(HttpContext context, string method)
    {
        var at = time.GetUtcNow();
        var body = await ReadBodyAsync(context.Request);
        var token = context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal)
            ? header["Bearer ".Length..]
            : null;
        var problems = method is "chat.postMessage" or "chat.update" ? BlockKitProblems(body) : [];

        (string, FakeSlackFailure, int)? failure = null;
        lock (gate)
        {
            if (failures.TryPeek(out var next) && next.Method == method)
            {
                failure = failures.Dequeue();
            }
        }

        if (failure is { } f)
        {
            switch (f.Item2)
            {
                case FakeSlackFailure.TooManyRequests:
                    Record(method, token, body, context, at, 429, "ratelimited", problems);
                    context.Response.StatusCode = 429;
                    context.Response.Headers.RetryAfter = f.Item3.ToString(CultureInfo.InvariantCulture);
                    await context.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
                    return;
                case FakeSlackFailure.Unavailable:
                    Record(method, token, body, context, at, 503, null, problems);
                    context.Response.StatusCode = 503;
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body><h1>503 Service Unavailable</h1></body></html>");
                    return;
                case FakeSlackFailure.MissingScope:
                    await AnswerAsync(context, method, token, body, at, problems, Error("missing_scope"));
                    return;
                case FakeSlackFailure.InvalidBlocks:
                    await AnswerAsync(context, method, token, body, at, problems, Error("invalid_blocks"));
                    return;
                default:
                    await AnswerAsync(context, method, token, body, at, problems, Error("internal_error"));
                    return;
            }
        }

        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        JsonObject answer;
        if (token is null)
        {
            answer = Error("not_authed");
        }
        else if (token != expected)
        {
            answer = Error(method == "apps.connections.open" && token == BotToken ? "not_allowed_token_type" : "invalid_auth");
        }
        else
        {
            answer = method switch
            {
                "auth.test" => Ok(new JsonObject
                {
                    ["url"] = "https://digest-fake.slack.com/",
                    ["team"] = "Digest Readers",
                    ["user"] = "digestbot",
                    ["team_id"] = "T0DIGEST",
                    ["user_id"] = BotUserId,
                    ["bot_id"] = "B0DIGEST",
                }),
                "chat.postMessage" => PostMessage(body, problems),
                "chat.update" => Update(body, problems),
                "chat.delete" => Delete(body),
                "chat.getPermalink" => Permalink(body),
                "conversations.info" => ConversationInfo(body),
                "apps.connections.open" => OpenConnection(),
                _ => Error("unknown_method"),
            };
        }

        await AnswerAsync(context, method, token, body, at, problems, answer);
    }

    private JsonObject PostMessage(JsonObject body, IReadOnlyList<string> problems)
    {
        var channel = (string?)body["channel"];
        if (channel is not null && channelsWithoutBot.Contains(channel))
        {
            return Error("not_in_channel");
        }

        // Direct-message channels (D…) exist for whoever wrote to the app.
        if (channel is null || !(channels.Contains(channel) || channel.StartsWith('D')))
        {
            return Error("channel_not_found");
        }

        if (problems.Count > 0)
        {
            return Error("invalid_blocks");
        }

        var ts = NextTs();
        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = body["text"]?.DeepClone(), ["ts"] = ts } });
    }

    private JsonObject Update(JsonObject body, IReadOnlyList<string> problems)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Method == "chat.postMessage" && c.Error is null && c.Body["__ts"]?.GetValue<string>() == ts))
        {
            return Error("message_not_found");
        }

        return problems.Count > 0 ? Error("invalid_blocks") : Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    private JsonObject Delete(JsonObject body)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Method == "chat.postMessage" && c.Error is null && c.Body["__ts"]?.GetValue<string>() == ts)
            || Calls.Any(c => c.Method == "chat.delete" && c.Error is null && (string?)c.Body["ts"] == ts))
        {
            return Error("message_not_found");
        }

        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts });
    }

    /// <summary>The message's text as readers see it now: its last successful update, or what was posted; null once deleted.</summary>
    public string? CurrentText(string ts)
    {
        var calls = Calls.Where(c => c.Error is null && c.StatusCode == 200).ToList();
        if (calls.Any(c => c.Method == "chat.delete" && (string?)c.Body["ts"] == ts))
        {
            return null;
        }

        var latest = calls.LastOrDefault(c => (c.Method == "chat.update" && (string?)c.Body["ts"] == ts)
            || (c.Method == "chat.postMessage" && c.Body["__ts"]?.GetValue<string>() == ts));
        return latest is null ? null : latest.Body["blocks"]?.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n" + (string?)latest.Body["text"];
    }

    /// <summary>The configured channel and <see cref="AddChannel"/>'s have the bot; <see cref="RemoveBotFrom"/>'s no longer.</summary>
    private JsonObject ConversationInfo(JsonObject body)
    {
        var channel = (string?)body["channel"] ?? "";
        lock (gate)
        {
            return channels.Contains(channel) || channelsWithoutBot.Contains(channel) || channel.StartsWith('C')
                ? Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = channel, ["is_channel"] = true, ["is_member"] = channels.Contains(channel) } })
                : Error("channel_not_found");
        }
    }

    private JsonObject Permalink(JsonObject body)
    {
        var channel = (string?)body["channel"];
        var ts = (string?)body["message_ts"];
        if (channel is null || !channels.Contains(channel))
        {
            return Error("channel_not_found");
        }

        if (ts is null || !Calls.Any(c => c.Body["__ts"]?.GetValue<string>() == ts))
        {
            return Error("message_not_found");
        }

        return Ok(new JsonObject { ["channel"] = channel, ["permalink"] = $"https://digest-fake.slack.com/archives/{channel}/p{ts.Replace(".", "", StringComparison.Ordinal)}" });
    }

    private JsonObject OpenConnection()
    {
        var n = Interlocked.Increment(ref connectionsOpened);
        var ws = BaseUrl.Replace("http://", "ws://", StringComparison.Ordinal);
        return Ok(new JsonObject { ["url"] = $"{ws}/socket/{n}?ticket=fake-{n}" });
    }

    private async Task HandleResponseUrlAsync(HttpContext context, string id)
    {
        var body = await ReadBodyAsync(context.Request);
        var problems = BlockKitProblems(body);
        lock (gate)
        {
            responseUrlPosts.Add((new Uri(BaseUrl + context.Request.Path), body));
            Notify();
        }

        context.Response.StatusCode = problems.Count == 0 ? 200 : 400;
        await context.Response.WriteAsync(problems.Count == 0 ? "ok" : "invalid_blocks");
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (TakeMisbehaviour(SocketMisbehaviour.HangHandshake))
        {
            await UntilStoppedAsync();
            return;
        }

        using var accepted = await context.WebSockets.AcceptWebSocketAsync();
        lock (gate)
        {
            socket = accepted;
        }

        await SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["connection_info"] = new JsonObject { ["app_id"] = "A0DIGEST" },
        });
        lock (gate)
        {
            socketsAccepted++;
            Notify();
        }

        if (TakeMisbehaviour(SocketMisbehaviour.Freeze))
        {
            await UntilStoppedAsync();
            return;
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (accepted.State == WebSocketState.Open)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await accepted.ReceiveAsync(buffer, server.Stopping);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await accepted.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (JsonNode.Parse(frame.ToArray()) is JsonObject ack)
                {
                    acks.Enqueue(ack);
                    lock (gate)
                    {
                        Notify();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            lock (gate)
            {
                if (socket == accepted)
                {
                    socket = null;
                }

                Notify();
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, string method, string? token, JsonObject body, DateTimeOffset at, IReadOnlyList<string> problems, JsonObject answer)
    {
        var error = answer["ok"]!.GetValue<bool>() ? null : (string?)answer["error"];
        if (answer["ts"] is JsonNode ts && method == "chat.postMessage")
        {
            body["__ts"] = ts.DeepClone();
        }

        Record(method, token, body, context, at, 200, error, problems);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private void Record(string method, string? token, JsonObject body, HttpContext context, DateTimeOffset at, int status, string? error, IReadOnlyList<string> problems)
    {
        // A parsed JsonObject builds its dictionary on first access, which is not safe from two threads at once: built
        // here, before tests and the fake's own handlers read recorded bodies side by side.
        _ = body.Count;
        lock (gate)
        {
            calls.Add(new FakeSlackCall(method, token, body, context.Request.ContentType, at, status, error, problems));
            Notify();
        }
    }

    // Called under the lock.
    private void Notify()
    {
        foreach (var waiter in waiters.Where(w => w.Done()).ToList())
        {
            waiter.Signal.TrySetResult();
            waiters.Remove(waiter);
        }
    }

    private string NextTs()
    {
        var n = Interlocked.Increment(ref nextTs);
        return $"{n / 1_000_000}.{n % 1_000_000:D6}";
    }

    /// <summary>Chat bodies are JSON (Slack wants a charset); read methods are form-encoded, as Slack documents them.</summary>
    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            return JsonNode.Parse(text) as JsonObject ?? [];
        }

        var form = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(text))
        {
            form[key] = value.ToString();
        }

        return form;
    }

    /// <summary>Block Kit limits, checked by the same independent checker the renderer's tests use.</summary>
    private static IReadOnlyList<string> BlockKitProblems(JsonObject body)
    {
        if (body["blocks"] is null)
        {
            return body["text"] is null ? ["neither text nor blocks"] : [];
        }

        var copy = body.DeepClone().AsObject();
        copy.Remove("__ts");
        // chat.update and response_url bodies cannot unfurl; the checker insists posts say so.
        copy["unfurl_links"] ??= false;
        return SlackBlockKitChecker.Problems(copy.ToJsonString());
    }

    private static JsonObject Ok(JsonObject result)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in result)
        {
            answer[key] = value?.DeepClone();
        }

        return answer;
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
