using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
    private readonly HashSet<string> undeletable = new(StringComparer.Ordinal);
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

    /// <summary>From now on <c>chat.delete</c> of this message answers <c>cant_delete_message</c>, as Slack does where a workspace forbids it.</summary>
    public void RefuseDeletesOf(string ts)
    {
        lock (gate)
        {
            undeletable.Add(ts);
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

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
