using System.Net;
using System.Text.Json.Nodes;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Webhook mode: Telegram posts updates to us; only requests with the secret are read, and each update once.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = TelegramWebhookRequests.Secret;
    private const string HookUrl = TelegramWebhookRequests.HookUrl;

    private TelegramChatHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        host = await TelegramChatHost.StartAsync(new Dictionary<string, string>
        {
            ["Telegram:WebhookUrl"] = HookUrl,
            ["Telegram:WebhookSecret"] = Secret,
        });
        http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task The_webhook_is_registered_with_its_secret_and_nothing_polls()
    {
        await host.Until(() => host.Telegram.WebhookUrl is not null, "setWebhook");

        Assert.Equal(HookUrl, host.Telegram.WebhookUrl);
        Assert.Equal(Secret, host.Telegram.WebhookSecretToken);
        Assert.Equal(["message", "channel_post", "callback_query", "inline_query"], host.Telegram.Calls.Single(c => c.Method == "setWebhook").Parameters["allowed_updates"]!.AsArray().Select(n => (string)n!));
        Assert.DoesNotContain(host.Telegram.Calls, c => c.Method == "getUpdates");
    }

    [Fact]
    public async Task An_update_with_the_right_secret_is_answered()
    {
        var before = host.MessagesTo(TelegramChatHost.Reader).Count;

        using var response = await PostAsync(Update(1001, "/help"), Secret);
        var answer = await host.NextMessageAsync("4242", before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", answer.Text);
    }

    [Fact]
    public async Task A_wrong_or_missing_secret_is_401_and_nothing_is_handled()
    {
        using var wrong = await PostAsync(Update(2001, "/help"), "not-the-secret");
        using var missing = await PostAsync(Update(2002, "/help"), null);
        using var prefix = await PostAsync(Update(2003, "/help"), Secret[..^1]);
        using var right = await PostAsync(Update(2004, "/tags"), Secret);
        var answer = await host.NextMessageAsync("4242", 0);

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK],
            new[] { wrong.StatusCode, missing.StatusCode, prefix.StatusCode, right.StatusCode });
        Assert.Equal("<b>No tags yet: nothing has been posted.</b>", answer.Text);
        Assert.Single(host.MessagesTo(TelegramChatHost.Reader));
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        var update = Update(3001, "/help");

        using var first = await PostAsync(update, Secret);
        using var again = await PostAsync(update, Secret);
        using var next = await PostAsync(Update(3002, "/tags"), Secret);
        await host.NextMessageAsync("4242", 1);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal(
            ["<b>DigestBot — ML paper digests", "<b>No tags yet: nothing has been posted."],
            host.MessagesTo(TelegramChatHost.Reader).Select(m => m.Text![..m.Text!.IndexOf("</b>", StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task A_body_that_is_not_an_update_is_400()
    {
        using var response = await PostAsync(new JsonObject { ["nonsense"] = "[" }, Secret, raw: "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static JsonObject Update(int id, string text) => TelegramWebhookRequests.Update(id, text);

    private Task<HttpResponseMessage> PostAsync(JsonObject update, string? secret, string? raw = null) =>
        TelegramWebhookRequests.PostAsync(http, update, secret, raw);
}
