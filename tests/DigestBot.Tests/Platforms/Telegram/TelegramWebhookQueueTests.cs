using System.Net;
using Microsoft.Extensions.Time.Testing;
using static DigestBot.Tests.Platforms.Telegram.TelegramWebhookRequests;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The webhook's queue is bounded: past <c>Telegram:WebhookQueueLimit</c> updates waiting, Telegram is told to come back.</summary>
public sealed class TelegramWebhookQueueTests : IAsyncLifetime
{
    // The fake Telegram answers sendMessage only when the test moves its clock on, so the handler waits as long as the test likes.
    private static readonly TimeSpan SendLatency = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider telegramClock = new();
    private TelegramChatHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        host = await TelegramChatHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Telegram:WebhookUrl"] = HookUrl,
                ["Telegram:WebhookSecret"] = Secret,
                ["Telegram:WebhookQueueLimit"] = "2",
            },
            telegramOptions: FakeTelegramOptions.Unlimited(telegramClock, SendLatency));
        http = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task A_full_queue_answers_503_and_the_update_delivered_again_later_is_handled()
    {
        using var first = await PostAsync(http, Update(601, "/help"));
        // The first update is being handled: its answer waits in the fake Telegram.
        await host.Telegram.WaitForArrivalsAsync("sendMessage", 1).WaitAsync(TimeSpan.FromSeconds(20));
        using var second = await PostAsync(http, Update(602, "/tags"));
        using var refused = await PostAsync(http, Update(603, "/help"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        await AnswersAsync(2);
        using var again = await PostAsync(http, Update(603, "/help"));
        var answers = await AnswersAsync(3);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            ["<b>DigestBot — ML paper digests", "<b>No tags yet: nothing has been posted.", "<b>DigestBot — ML paper digests"],
            answers.Select(m => m.Text![..m.Text!.IndexOf("</b>", StringComparison.Ordinal)]));
        Assert.Equal([601, 602, 603], answers.Select(m => m.ReplyToMessageId!.Value));
    }

    /// <summary>Moves the fake Telegram's clock on until it has accepted <paramref name="count"/> answers to the reader.</summary>
    private async Task<IReadOnlyList<FakeTelegramCall>> AnswersAsync(int count)
    {
        await host.Until(
            () =>
            {
                telegramClock.Advance(SendLatency);
                return host.MessagesTo(TelegramChatHost.Reader).Count >= count;
            },
            $"{count} answers");
        return host.MessagesTo(TelegramChatHost.Reader);
    }
}
