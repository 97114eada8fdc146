using System.Net;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static DigestBot.Tests.Platforms.Telegram.TelegramWebhookRequests;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// The webhook's queue is bounded: past <c>Telegram:WebhookQueueLimit</c> updates waiting, Telegram is told to come back;
/// and an update whose handling keeps stopping the bot is given up.
/// </summary>
public sealed class TelegramWebhookQueueTests
{
    [Fact]
    public async Task A_queue_full_of_updates_in_hand_answers_503_and_the_update_delivered_again_later_is_answered()
    {
        // The fake Telegram holds every answer until the test releases it, so the first two updates stay in hand.
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
        using var second = await PostAsync(http, Update(602, "/tags", from: 5301));
        await host.Telegram.WaitForArrivalsAsync("sendMessage", 2).WaitAsync(TimeSpan.FromSeconds(20));
        using var refused = await PostAsync(http, Update(603, "/help"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        await held.ReleaseUntilAsync(() => host.MessagesTo(TelegramChatHost.Reader).Count == 1 && host.MessagesTo(5301).Count == 1, "two answers");
        using var again = await PostAsync(http, Update(603, "/help"));
        await held.ReleaseUntilAsync(() => host.MessagesTo(TelegramChatHost.Reader).Count == 2, "the third answer");
        var answers = host.MessagesTo(TelegramChatHost.Reader);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.All(answers, a => Assert.StartsWith("<b>DigestBot — ML paper digests", a.Text));
        Assert.Equal([601, 603], answers.Select(m => m.ReplyToMessageId!.Value));
    }

    [Fact]
    public async Task At_the_limit_a_new_update_drops_the_oldest_waiting_one_that_no_curator_sent()
    {
        // One chat answered at a time, its answer held: the first update is in hand and the others wait.
        var held = new HeldSends();
        var settings = new Dictionary<string, string>
        {
            ["Telegram:WebhookUrl"] = HookUrl,
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:WebhookQueueLimit"] = "2",
            ["Telegram:ConcurrentChats"] = "1",
        };
        await using var host = await TelegramChatHost.StartAsync(settings, telegramOptions: held.Options);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var inHand = await PostAsync(http, Update(611, "/help"));
        await host.Telegram.WaitForArrivalsAsync("sendMessage", 1).WaitAsync(TimeSpan.FromSeconds(20));
        using var reader = await PostAsync(http, Update(612, "/tags", from: 5301));
        // Full: the reader's waiting /tags makes room for the curator's /help.
        using var curator = await PostAsync(http, Update(613, "/help", from: TelegramChatHost.Curator));
        // Full again, and what waits is the curator's: nothing may be dropped.
        using var refused = await PostAsync(http, Update(614, "/tags", from: 5302));
        // The dropped update's row is deleted with the store's next write, a moment after the answer to the request.
        await host.Until(async () => await StoredAsync() == "611,613", "only the update in hand and the curator's to be stored");
        var stored = await StoredAsync();

        await held.ReleaseUntilAsync(() => host.MessagesTo(TelegramChatHost.Curator).Count == 1, "the curator's answer");
        await host.Until(async () => (long)(await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT COUNT(*) FROM pending_updates"))! == 0, "the stored updates to be done");

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable],
            new[] { inHand, reader, curator, refused }.Select(r => r.StatusCode));
        Assert.Equal("611,613", stored);
        Assert.Single(host.MessagesTo(TelegramChatHost.Reader));
        Assert.Empty(host.MessagesTo(5301));
        Assert.Empty(host.MessagesTo(5302));

        async Task<string?> StoredAsync() =>
            (string?)await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT group_concat(update_id, ',') FROM (SELECT update_id FROM pending_updates ORDER BY update_id)");
    }

    [Fact]
    public async Task An_update_whose_handling_began_three_times_before_is_given_up_and_the_next_one_handled()
    {
        using var folder = new TempFolder();
        var database = folder.File("data/digestbot.db");
        using (var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = database }))
        {
            // Two updates a killed bot left: handling began three times for one, twice for the other.
            var handled = services.GetRequiredService<HandledUpdateStore>();
            await handled.TryClaimAsync("telegram", "701", Update(701, "/help").ToJsonString(), default);
            await handled.TryClaimAsync("telegram", "702", Update(702, "/tags").ToJsonString(), default);
        }

        await using (var connection = await SqliteFile.OpenAsync(database, SqliteOpenMode.ReadWrite))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE pending_updates SET attempts = CASE update_id WHEN '701' THEN 3 ELSE 2 END";
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        await using var host = await TelegramChatHost.StartAsync(new Dictionary<string, string>
        {
            ["Telegram:WebhookUrl"] = HookUrl,
            ["Telegram:WebhookSecret"] = Secret,
            ["Storage:Path"] = database,
        });
        var answer = await host.NextMessageAsync("4242", 0);
        await host.Until(async () => (long)(await SqliteFile.ScalarAsync(database, "SELECT COUNT(*) FROM pending_updates"))! == 0, "the stored updates to be done");

        Assert.Equal(702, answer.ReplyToMessageId);
        Assert.Single(host.MessagesTo(TelegramChatHost.Reader));
    }
}
