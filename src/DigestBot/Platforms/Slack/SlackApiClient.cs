using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Slack's Web API at <see cref="SlackOptions.ApiBaseUrl"/>. Every call goes through <see cref="SendAsync"/>,
/// which adds the token, waits out short HTTP 429s, and turns every failure — <c>ok: false</c>, an HTTP error, no answer
/// at all — into one <see cref="SlackApiException"/>, classified for the publisher.
/// The named methods live in <see cref="ChatApi"/>, <see cref="AuthApi"/>, <see cref="AppsApi"/> and <see cref="ConversationsApi"/>.
/// </summary>
internal sealed class SlackApiClient
{
    /// <summary>Tries of one call that meet a 429 before the wait is handed to the caller (<see cref="PlatformException.RetryAfter"/>).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Longer waits are handed to the caller instead of holding a request open.</summary>
    public static readonly TimeSpan MaxInlineWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    private readonly HttpClient http;
    private readonly SlackOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<SlackApiClient> log;
    private readonly Uri baseUrl;
    private readonly PublishingMetrics? metrics;

    public SlackApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackApiClient> log, PublishingMetrics? metrics = null)
    {
        this.metrics = metrics;
        this.http = http;
        this.options = options.Value;
        this.time = time;
        this.log = log;
        var configured = this.options.ApiBaseUrl.ToString();
        // Without the trailing slash, "chat.postMessage" would replace the last segment instead of joining it.
        baseUrl = new Uri(configured.EndsWith('/') ? configured : configured + "/");
    }

    public Task<TResult> PostJsonAsync<TBody, TResult>(
        string method, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<TResult> resultType, SlackTokenKind token, CancellationToken ct) =>
        SendAsync(method, () => JsonContent.Create(body, bodyType), resultType, token, ct);

    public Task<TResult> PostFormAsync<TResult>(
        string method, IReadOnlyList<KeyValuePair<string, string>> fields, JsonTypeInfo<TResult> resultType, SlackTokenKind token, CancellationToken ct) =>
        SendAsync(method, () => new FormUrlEncodedContent(fields), resultType, token, ct);

    /// <summary>The choke point. A content factory, because a retried request needs a fresh body.</summary>
    private async Task<TResult> SendAsync<TResult>(
        string method, Func<HttpContent> content, JsonTypeInfo<TResult> resultType, SlackTokenKind token, CancellationToken ct)
    {
        var secret = Token(token);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, method)) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || ex is TaskCanceledException && !ct.IsCancellationRequested)
            {
                throw new SlackApiException(method, SlackApiException.NoAnswer, ex);
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var wait = RetryAfter(response);
                    if (attempt >= MaxAttempts || wait > MaxInlineWait)
                    {
                        throw new SlackApiException(method, "ratelimited", retryAfter: wait);
                    }

                    Log.RateLimited(log, method, wait, attempt);
                    metrics?.RateLimited("slack", wait);
                    // Measured on the clock the wait is reported against: a timer may fire a hair early by that clock.
                    await Waits.UntilAsync(time.GetUtcNow() + wait, time, ct);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    var code = (int)response.StatusCode;
                    var http = new HttpRequestException($"Slack {method} answered HTTP {code}.", null, response.StatusCode);
                    // 5xx is Slack (or a proxy) having a bad moment; any other status is not an answer Slack gives.
                    throw new SlackApiException(method, code >= 500 ? SlackApiException.NoAnswer : $"http_{code}", http);
                }

                var bytes = await response.Content.ReadAsByteArrayAsync(ct);
                SlackResponseStatus status;
                try
                {
                    status = JsonSerializer.Deserialize(bytes, SlackWebApiJsonContext.Default.SlackResponseStatus)
                        ?? throw new JsonException("empty body");
                }
                catch (JsonException ex)
                {
                    // A proxy's HTML error page: nothing Slack said, so worth trying again.
                    throw new SlackApiException(method, SlackApiException.NoAnswer, ex);
                }

                if (!status.Ok)
                {
                    throw new SlackApiException(method, status.Error ?? "unknown_error");
                }

                return JsonSerializer.Deserialize(bytes, resultType)!;
            }
        }
    }

    private string Token(SlackTokenKind kind)
    {
        var (value, key) = kind == SlackTokenKind.App
            ? (options.AppToken, $"{SlackOptions.Section}:{nameof(SlackOptions.AppToken)}")
            : (options.BotToken, $"{SlackOptions.Section}:{nameof(SlackOptions.BotToken)}");
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"{key} is not set.")
            : value.Trim();
    }

    private TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow() is var left && left > TimeSpan.Zero ? left : DefaultRetryAfter,
            _ => DefaultRetryAfter,
        };
}
