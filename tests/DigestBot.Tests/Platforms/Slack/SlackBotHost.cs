using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Hosting;
using DigestBot.Platforms.Slack;
using DigestBot.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// The real bot host, built by <see cref="DigestBotHost.CreateBuilder"/> as <c>run</c> does, listening on loopback
/// and talking to a <see cref="FakeSlackServer"/>; settings are command-line arguments, as an operator would give them.
/// </summary>
internal sealed class SlackBotHost : IAsyncDisposable
{
    public const string SigningSecret = "e3b0c44298fc1c149afbf4c8996fb924";
    public const string Curator = "UCURATOR1";
    public const string Stranger = "USTRANGER";

    /// <summary>Settings for Socket Mode (no HTTP endpoints), with <paramref name="more"/> on top.</summary>
    public static Dictionary<string, string> SocketMode(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["Slack:AppToken"] = FakeSlackServer.AppToken, ["Slack:SigningSecret"] = "" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private SlackBotHost(WebApplication app)
    {
        App = app;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<SlackBotHost> StartAsync(TempFolder folder, FakeSlackServer fake, IDictionary<string, string>? settings = null, string botToken = FakeSlackServer.BotToken)
    {
        var values = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Storage:Path"] = folder.File("data/digestbot.db"),
            ["Inbox:Path"] = folder.File("inbox"),
            ["Publishing:RetryBaseDelay"] = "00:00:00.010",
            ["Publishing:RetryMaxDelay"] = "00:00:00.050",
            ["Slack:BotToken"] = botToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Slack:Channel"] = FakeSlackServer.Channel,
            ["Slack:Admins:0"] = Curator,
            ["Slack:MessageInterval"] = "00:00:00",
            // Nothing leaves loopback: tests that need arXiv pass a fake's URL.
            ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
            ["Sources:ArxivMinInterval"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var builder = DigestBotHost.CreateBuilder([.. values.Select(kv => $"--{kv.Key}={kv.Value}")], forCommand: false);
        var app = builder.Build();
        app.MapDigestBot();
        try
        {
            // As CommandLine does for run: the platforms' start-up checks, then the host.
            foreach (var check in app.Services.GetServices<IStartupCheck>())
            {
                await check.CheckAsync(CancellationToken.None);
            }

            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new SlackBotHost(app);
    }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>POSTs as Slack would, signed with <paramref name="secret"/> at <paramref name="at"/> (now by default).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path, string body, string contentType, string secret = SigningSecret, DateTimeOffset? at = null, int? retryNum = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, ts, bytes));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>POSTs one event to <c>/slack/events</c> as the Events API does, signed.</summary>
    public Task<HttpResponseMessage> EventAsync(string eventId, JsonObject e) =>
        PostSignedAsync("/slack/events", Callback(eventId, e).ToJsonString(), "application/json");

    public Task<HttpResponseMessage> CommandAsync(
        string command, string text, string user = Stranger, string? responseUrl = null, string secret = SigningSecret, DateTimeOffset? at = null, string channel = FakeSlackServer.Channel) =>
        PostSignedAsync(
            "/slack/commands",
            Form(new Dictionary<string, string>
            {
                ["token"] = "deprecated-verification-token",
                ["team_id"] = "T0DIGEST",
                ["channel_id"] = channel,
                ["user_id"] = user,
                ["user_name"] = "reader",
                ["command"] = command,
                ["text"] = text,
                ["response_url"] = responseUrl ?? "https://hooks.slack.com/commands/T0DIGEST/1/unused",
                ["trigger_id"] = "1.2.3",
            }),
            "application/x-www-form-urlencoded",
            secret,
            at);

    /// <summary>POSTs a button press to <c>/slack/interactivity</c> as Slack does: the JSON in the <c>payload</c> form field, signed.</summary>
    public Task<HttpResponseMessage> InteractAsync(JsonObject payload, string secret = SigningSecret, DateTimeOffset? at = null) =>
        PostSignedAsync(
            "/slack/interactivity",
            Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }),
            "application/x-www-form-urlencoded",
            secret,
            at);

    /// <summary>A <c>block_actions</c> payload: <paramref name="user"/> pressed the button <paramref name="actionId"/> carrying <paramref name="value"/>.</summary>
    public static JsonObject BlockActions(string user, string actionId, string value, string? responseUrl, string? channel = FakeSlackServer.Channel)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = "reader", ["team_id"] = "T0DIGEST" },
            ["api_app_id"] = "A0DIGEST",
            ["token"] = "deprecated-verification-token",
            ["team"] = new JsonObject { ["id"] = "T0DIGEST", ["domain"] = "digest-fake" },
            ["trigger_id"] = "1.2.3",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "b1",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Next ›" },
                ["value"] = value,
                ["action_ts"] = "1772352000.000900",
            }),
        };
        if (channel is not null)
        {
            payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = "digest" };
            payload["container"] = new JsonObject { ["type"] = "message", ["channel_id"] = channel, ["is_ephemeral"] = true };
        }
        else
        {
            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" };
        }

        if (responseUrl is not null)
        {
            payload["response_url"] = responseUrl;
        }

        return payload;
    }

    public static string Form(IReadOnlyDictionary<string, string> fields) =>
        string.Join("&", fields.Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)));

    /// <summary>An <c>event_callback</c> as the Events API sends it.</summary>
    public static JsonObject Callback(string eventId, JsonObject e) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = "T0DIGEST",
        ["api_app_id"] = "A0DIGEST",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1772352000,
        ["event"] = e,
    };

    public static JsonObject Mention(string user, string text, string ts) => new()
    {
        ["type"] = "app_mention",
        ["user"] = user,
        ["text"] = $"<@{FakeSlackServer.BotUserId}> {text}",
        ["ts"] = ts,
        ["channel"] = FakeSlackServer.Channel,
        ["event_ts"] = ts,
    };

    public static JsonObject DirectMessage(string user, string text, string ts) => new()
    {
        ["type"] = "message",
        ["channel_type"] = "im",
        ["user"] = user,
        ["text"] = text,
        ["ts"] = ts,
        ["channel"] = "D0DIRECT01",
        ["event_ts"] = ts,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
