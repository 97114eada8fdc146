using System.Net;
using static DigestBot.Tests.Platforms.Telegram.TelegramWebhookRequests;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The webhook's queue is bounded: past <c>Telegram:WebhookQueueLimit</c> updates waiting, Telegram is told to come back.</summary>
public sealed class TelegramWebhookQueueTests
{
    [Fact]
    public async Task A_full_queue_answers_503_and_the_update_delivered_again_later_is_handled()
    {
        // The fake Telegram holds every answer until the test releases it, so the first update stays in hand.
        var held = new HeldSends();
        var settings = new Dictionary<string, string>
        {
            ["Telegram:WebhookUrl"] = HookUrl,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:WebhookQueueLimit"] = "2",
        };
        await using var host = await TelegramChatHost.StartAsync(settings, telegramOptions: held.Options);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var first = await PostAsync(http, Update(601, "/help"));
        await host.Telegram.WaitForArrivalsAsync("sendMessage", 1).WaitAsync(TimeSpan.FromSeconds(20));
        using var second = await PostAsync(http, Update(602, "/tags"));
        using var refused = await PostAsync(http, Update(603, "/help"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        await held.ReleaseUntilAsync(() => host.MessagesTo(TelegramChatHost.Reader).Count == 2, "two answers");
        using var again = await PostAsync(http, Update(603, "/help"));
        await held.ReleaseUntilAsync(() => host.MessagesTo(TelegramChatHost.Reader).Count == 3, "three answers");
        var answers = host.MessagesTo(TelegramChatHost.Reader);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(
            ["<b>DigestBot — ML paper digests", "<b>No tags yet: nothing has been posted.", "<b>DigestBot — ML paper digests"],
            answers.Select(m => m.Text![..m.Text!.IndexOf("</b>", StringComparison.Ordinal)]));
        Assert.Equal([601, 602, 603], answers.Select(m => m.ReplyToMessageId!.Value));
    }
}
