using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The fake and the real Telegram.Bot client agree on URLs, bodies, results and errors.</summary>
public sealed class FakeTelegramServerTests
{
    private const long Channel = -1001234567890;
    private const long User = 4242;

    [Fact]
    public async Task Without_bodies_the_fake_keeps_each_answer_as_chat_time_and_status_and_still_refuses_bad_HTML()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(keepBodies: false));
        var bot = Client(fake);

        await bot.SendMessage(User, "<b>one</b>", ParseMode.Html);
        await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User + 1, "<b>unclosed", ParseMode.Html));
        await bot.SendMessage(User + 2, "<b>one</b>", ParseMode.Html);

        Assert.Empty(fake.Calls);
        Assert.Equal([(User, 200), (User + 1, 400), (User + 2, 200)], fake.Answers.Select(a => (a.ChatId, a.StatusCode)));
        Assert.True(fake.Answers[0].At <= fake.Answers[2].At);
    }

    [Fact]
    public async Task GetMe_and_SendMessage_round_trip_with_the_real_client()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);

        var me = await bot.GetMe();
        var first = await bot.SendMessage(Channel, "<b>SAM 2</b> &amp; friends", ParseMode.Html,
            linkPreviewOptions: new LinkPreviewOptions { Url = "https://arxiv.org/abs/2408.00714", PreferSmallMedia = true });
        var reply = await bot.SendMessage(Channel, "more", replyParameters: first.Id);

        Assert.Equal(fake.BotId, me.Id);
        Assert.Equal("digest_test_bot", me.Username);
        Assert.Equal((1, 2), (first.Id, reply.Id));
        Assert.Equal(ChatType.Channel, first.Chat.Type);
        Assert.Equal("SAM 2 & friends", first.Text);
        Assert.Equal(first.Id, reply.ReplyToMessage?.Id);

        var sent = fake.SentMessages;
        Assert.Equal("-1001234567890", sent[0].ChatId);
        Assert.Equal("<b>SAM 2</b> &amp; friends", sent[0].Text);
        // Telegram.Bot 22 writes the enum name; Telegram reads parse_mode case-insensitively.
        Assert.Equal("Html", sent[0].ParseMode);
        Assert.Equal("https://arxiv.org/abs/2408.00714", (string?)sent[0].LinkPreviewOptions?["url"]);
        Assert.Equal(1, sent[1].ReplyToMessageId);
        Assert.StartsWith("application/json", sent[0].ContentType);
        Assert.Null(fake.Calls.Single(c => c.Method == "getMe").ContentType);
    }

    [Fact]
    public async Task A_wrong_token_is_401()
    {
        await using var fake = await FakeTelegramServer.StartAsync();
        var bot = new TelegramBotClient(new TelegramBotClientOptions("999:not-the-token", fake.BaseUrl));

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetMe());

        Assert.Equal(401, e.ErrorCode);
        Assert.Equal("Unauthorized", e.Message);
    }

    [Fact]
    public async Task An_ordered_429_surfaces_with_retry_after_and_is_counted()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);
        fake.FailNextSends(1, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 7);

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User, "hi"));
        await bot.SendMessage(User, "hi");

        Assert.Equal(429, e.ErrorCode);
        Assert.Equal(7, e.Parameters?.RetryAfter);
        Assert.Equal("Too Many Requests: retry after 7", e.Message);
        Assert.Equal(1, fake.TooManyRequestsSent);
        Assert.Single(fake.SentMessages);
    }

    [Fact]
    public async Task Two_messages_into_one_chat_within_a_second_are_flood_limited_until_time_passes()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions { Time = time });
        var bot = Client(fake);

        await bot.SendMessage(User, "one");
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User, "two"));
        await bot.SendMessage(User + 1, "another chat is fine");
        time.Advance(TimeSpan.FromSeconds(1));
        await bot.SendMessage(User, "two");

        Assert.Equal(1, e.Parameters?.RetryAfter);
        Assert.Equal(["one", "another chat is fine", "two"], fake.SentMessages.Select(m => m.Text));
    }

    [Fact]
    public async Task A_channel_takes_only_so_many_messages_per_window()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            Time = time, PerChatInterval = null, GlobalMessagesPerWindow = null, GroupMessagesPerWindow = 3, GroupWindow = TimeSpan.FromSeconds(60),
        });
        var bot = Client(fake);

        for (var i = 0; i < 3; i++)
        {
            await bot.SendMessage("@digest_channel", $"post {i}");
            await bot.SendMessage(User, $"dm {i}");
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage("@digest_channel", "post 3"));
        await bot.SendMessage(User, "dm 3");
        time.Advance(TimeSpan.FromSeconds(30));
        var late = await bot.SendMessage("@digest_channel", "post 3");

        Assert.Equal(30, e.Parameters?.RetryAfter);
        Assert.Equal("digest_channel", late.Chat.Username);
        Assert.Equal(4, late.Id);
    }

    [Fact]
    public async Task All_chats_together_share_the_global_limit()
    {
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions
        {
            Time = new FakeTimeProvider(), GlobalMessagesPerWindow = 2,
        });
        var bot = Client(fake);

        await bot.SendMessage(1, "a");
        await bot.SendMessage(2, "b");
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(3, "c"));

        Assert.Equal(429, e.ErrorCode);
        Assert.Equal(1, fake.TooManyRequestsSent);
    }

    [Theory]
    [InlineData(FakeTelegramFailure.ChatNotFound, 400, "Bad Request: chat not found")]
    [InlineData(FakeTelegramFailure.NotMember, 403, "Forbidden: bot is not a member of the channel chat")]
    public async Task Permanent_failures_are_api_errors(FakeTelegramFailure failure, int code, string description)
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);
        fake.FailNextSends(1, failure);

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(Channel, "hi"));

        Assert.Equal(code, e.ErrorCode);
        Assert.Equal(description, e.Message);
    }

    [Theory]
    [InlineData(FakeTelegramFailure.BadGateway, 502)]
    [InlineData(FakeTelegramFailure.DropConnection, 0)]
    public async Task Transport_failures_are_not_api_errors(FakeTelegramFailure failure, int recordedStatus)
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);
        fake.FailNextSends(1, failure);

        var e = await Assert.ThrowsAnyAsync<RequestException>(() => bot.SendMessage(Channel, "hi"));

        Assert.IsNotType<ApiRequestException>(e);
        Assert.Equal(recordedStatus, fake.Calls.Single(c => c.Method == "sendMessage").StatusCode);
        Assert.Empty(fake.SentMessages);
    }

    [Theory]
    [InlineData("<p>paragraph</p>", "Bad Request: can't parse entities: Unsupported start tag \"p\" at byte offset 0")]
    [InlineData("<b>bold <i>both</b></i>", "Bad Request: can't parse entities: Unmatched end tag at byte offset 15, expected \"</i>\", found \"</b>\"")]
    [InlineData("<b>never closed", "Bad Request: can't parse entities: Can't find end tag corresponding to start tag \"b\"")]
    [InlineData("1 < 2", "Bad Request: can't parse entities: Unsupported start tag \" 2\" at byte offset 2")]
    public async Task Html_outside_Telegram_s_subset_is_rejected(string text, string description)
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);

        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User, text, ParseMode.Html));

        Assert.Equal(400, e.ErrorCode);
        Assert.Equal(description, e.Message);
    }

    [Fact]
    public async Task Length_is_counted_in_visible_UTF16_units()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);

        var fits = await bot.SendMessage(User, $"<b>{new string('x', 4096)}</b>", ParseMode.Html);
        var emoji = string.Concat(Enumerable.Repeat("🙂", 2049));
        var e = await Assert.ThrowsAsync<ApiRequestException>(() => bot.SendMessage(User, emoji));

        Assert.Equal(4096, fits.Text?.Length);
        Assert.Equal("Bad Request: message is too long", e.Message);
    }

    [Fact]
    public async Task Updates_round_trip_with_offset_and_long_polling()
    {
        var time = new FakeTimeProvider();
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited(time));
        var bot = Client(fake);
        fake.EnqueueMessage(User, "/tag video-segmentation");
        fake.EnqueueMessage(Channel, "a channel post");

        var first = await bot.GetUpdates();
        var confirmed = await bot.GetUpdates(offset: first[^1].Id + 1);
        var waiting = bot.GetUpdates(offset: first[^1].Id + 1, timeout: 30);
        await fake.WaitForArrivalsAsync("getUpdates", 3);
        Assert.False(waiting.IsCompleted);
        var id = fake.EnqueueMessage(User, "hello");
        var woken = await waiting;
        var expiring = bot.GetUpdates(offset: id + 1, timeout: 30);
        await fake.WaitForArrivalsAsync("getUpdates", 4);
        time.Advance(TimeSpan.FromSeconds(30));
        var expired = await expiring;

        Assert.Equal("/tag video-segmentation", first[0].Message?.Text);
        Assert.Equal(MessageEntityType.BotCommand, first[0].Message?.Entities?[0].Type);
        Assert.Equal("a channel post", first[1].ChannelPost?.Text);
        Assert.Empty(confirmed);
        Assert.Equal(id, Assert.Single(woken).Id);
        Assert.Empty(expired);
    }

    [Fact]
    public async Task Webhook_commands_edits_and_callbacks_work_with_the_real_client()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        var bot = Client(fake);

        await bot.SetMyCommands([new BotCommand("tag", "Papers with a tag"), new BotCommand("latest", "The latest notes")]);
        await bot.SetWebhook("https://bot.example.org/telegram", secretToken: "s3cret_token-1");
        var conflict = await Assert.ThrowsAsync<ApiRequestException>(() => bot.GetUpdates());
        await bot.DeleteWebhook();
        var sent = await bot.SendMessage(User, "page 1");
        var edited = await bot.EditMessageText(User, sent.Id, "page 2");
        var notModified = await Assert.ThrowsAsync<ApiRequestException>(() => bot.EditMessageText(User, sent.Id, "page 2"));
        await bot.AnswerCallbackQuery("cbq-1", "Page 2");

        Assert.Equal([("tag", "Papers with a tag"), ("latest", "The latest notes")], fake.Commands);
        Assert.Equal(409, conflict.ErrorCode);
        Assert.Null(fake.WebhookUrl);
        Assert.Equal("page 2", edited.Text);
        Assert.NotNull(edited.EditDate);
        Assert.StartsWith("Bad Request: message is not modified", notModified.Message);
        Assert.Equal("Page 2", fake.Calls.Single(c => c.Method == "answerCallbackQuery").Text);
    }

    [Fact]
    public async Task Form_bodies_are_read_like_json_ones()
    {
        await using var fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());
        using var http = new HttpClient();
        await Client(fake).SendMessage(User, "first");

        using var response = await http.PostAsync($"{fake.BaseUrl}/bot{fake.Token}/sendMessage", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = User.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["text"] = "second",
            ["reply_parameters"] = """{"message_id":1}""",
            ["link_preview_options"] = """{"is_disabled":true}""",
        }));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int?)body["result"]?["message_id"]);
        var call = fake.SentMessages[1];
        Assert.Equal(1, call.ReplyToMessageId);
        Assert.True((bool?)call.LinkPreviewOptions?["is_disabled"]);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType);
    }

    // RetryThreshold 0: Telegram.Bot would otherwise wait out short 429s itself and retry.
    private static TelegramBotClient Client(FakeTelegramServer fake) =>
        new(new TelegramBotClientOptions(fake.Token, fake.BaseUrl) { RetryThreshold = 0 });
}
