using System.Globalization;
using DigestBot.Chat;
using DigestBot.Cli;
using DigestBot.Formatting.Telegram;
using DigestBot.Notes;
using DigestBot.Platforms.Console;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>The publisher and <c>TelegramDestination</c> over real HTTP against the fake Bot API.</summary>
public sealed class TelegramDestinationTests : IAsyncLifetime
{
    private const string Channel = "@digest_channel";

    private readonly TempFolder folder = new();
    private FakeTelegramServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeTelegramServer.StartAsync(FakeTelegramOptions.Unlimited());

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Posts_the_rendered_html_as_it_is_with_the_paper_preview_and_a_public_permalink()
    {
        await using var services = Services();
        var note = NoteFactory.Paper("SAM 2: Segment <Anything> & more", "2408.00714", ["video-segmentation"], "SAM 2가 나왔군요. **비디오** 확장입니다.");
        await Import(services, note);

        await services.GetRequiredService<Publisher>().PublishNextAsync(1, default);

        var expected = Assert.Single(new TelegramNoteRenderer().Render((await Stored(services, note)).Note));
        var sent = Assert.Single(fake.SentMessages);
        Assert.Equal(Channel, sent.ChatId);
        Assert.Equal(expected.Html, sent.Text);
        Assert.Equal("Html", sent.ParseMode);
        Assert.Equal("https://arxiv.org/abs/2408.00714", (string?)sent.LinkPreviewOptions?["url"]);
        Assert.Null(sent.ReplyToMessageId);
        var record = Assert.Single((await Stored(services, note)).Deliveries);
        Assert.Equal((DeliveryState.Sent, "telegram:@digest_channel", "https://t.me/digest_channel/1"), (record.State, record.Destination, record.Permalink));
        Assert.Equal(["1"], record.MessageIds);
    }

    [Fact]
    public async Task A_long_note_continues_in_replies_to_its_first_message_without_previews()
    {
        await using var services = Services();
        await Import(services, NoteFactory.Paper("Before", "2401.00001"));
        var note = LongNote("A long one");
        await Import(services, note);

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);

        var parts = new TelegramNoteRenderer().Render((await Stored(services, note)).Note);
        var sent = fake.SentMessages.Skip(1).ToList();
        Assert.True(parts.Count >= 2, $"the note should need several messages, not {parts.Count}");
        Assert.Equal(parts.Select(p => p.Html), sent.Select(s => s.Text));
        Assert.Equal("https://arxiv.org/abs/2402.00002", (string?)sent[0].LinkPreviewOptions?["url"]);
        Assert.All(sent.Skip(1), s =>
        {
            Assert.Equal(2, s.ReplyToMessageId);
            Assert.True((bool?)s.LinkPreviewOptions?["is_disabled"]);
        });
        Assert.Equal(Enumerable.Range(2, parts.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)), (await Stored(services, note)).Deliveries.Single().MessageIds);
    }

    [Fact]
    public async Task A_429_is_waited_out_exactly_then_the_same_message_is_sent_again()
    {
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var time = new WatchedTimeProvider(start);
        await using var services = Services(time: time);
        await Import(services, NoteFactory.Paper("One", "2401.00001"));
        fake.FailNextSends(1, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 7);

        var publishing = services.GetRequiredService<Publisher>().PublishNextAsync(1, default);
        await Eventually.TrueAsync(() => fake.TooManyRequestsSent == 1, "the 429");
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(7), "the client to wait out the 429");
        time.Advance(TimeSpan.FromSeconds(7) - TimeSpan.FromMilliseconds(1));
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(7), "the client to wait on, a millisecond before the end");
        var callsBeforeTheWaitIsOver = fake.Calls.Count(c => c.Method == "sendMessage");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await publishing;

        var calls = fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal(1, callsBeforeTheWaitIsOver);
        Assert.Equal([429, 200], calls.Select(c => c.StatusCode));
        Assert.Equal(calls[0].Text, calls[1].Text);
        Assert.Equal(calls[0].Parameters.ToJsonString(), calls[1].Parameters.ToJsonString());
    }

    [Theory]
    [InlineData(FakeTelegramFailure.BadGateway)]
    [InlineData(FakeTelegramFailure.DropConnection)]
    public async Task Bad_gateways_and_dropped_connections_are_retried_and_nothing_is_lost(FakeTelegramFailure failure)
    {
        await using var services = Services();
        await Import(services, NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002"));
        fake.FailNextSends(3, failure);

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);

        Assert.Equal(5, fake.Calls.Count(c => c.Method == "sendMessage"));
        Assert.Equal(["One", "Two"], fake.SentMessages.Select(m => Title(m.Text)));
        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.Equal(3, logs.Count(r => r.Level == LogLevel.Warning && r.Message.Contains("retrying in", StringComparison.Ordinal)));
        Assert.DoesNotContain(logs, r => (r.Message + r.Exception).Contains(fake.Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_Telegram_refuses_is_failed_with_its_words_shown_in_queue_and_the_next_note_still_goes()
    {
        await using var services = Services();
        await Import(services, NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002"));
        fake.FailNextSends(1, FakeTelegramFailure.MessageTooLong);

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var handler = services.GetRequiredService<ChatCommandHandler>();
        var queue = ConsoleReplyFormatter.Format(new ChatReplyLayout(handler).For(ChatPlatform.Console, await handler.QueueAsync(default)));

        Assert.Equal(["Two"], fake.SentMessages.Select(m => Title(m.Text)));
        Assert.Equal(2, fake.Calls.Count(c => c.Method == "sendMessage"));
        var one = await Stored(services, NoteFactory.Paper("One", "2401.00001"));
        Assert.Equal(DeliveryState.Failed, one.Deliveries.Single().State);
        Assert.Contains($"Failed: “One” (note {one.Id}) to telegram:@digest_channel: Telegram refused the message to @digest_channel: Bad Request: message is too long", queue, StringComparison.Ordinal);
        Assert.Empty(await services.GetRequiredService<DestinationStateStore>().PausedAsync(default));
    }

    [Fact]
    public async Task A_note_stored_before_the_intake_check_that_cannot_be_rendered_fails_alone_without_a_send()
    {
        await using var services = Services();
        // Stored straight into the store, as notes were before intake rendered every note first.
        var poison = NoteFactory.Paper("깊은 인용", "2401.00003", commentary: new string('>', 128) + " 너무 깊다");
        await Import(services, poison, NoteFactory.Paper("Two", "2401.00002"));

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);

        var failed = (await Stored(services, poison)).Deliveries.Single();
        Assert.Equal(DeliveryState.Failed, failed.State);
        Assert.StartsWith("The note cannot be rendered for Telegram:", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(["Two"], fake.SentMessages.Select(m => Title(m.Text)));
    }

    [Theory]
    [InlineData(FakeTelegramFailure.ChatNotFound, "Bad Request: chat not found")]
    [InlineData(FakeTelegramFailure.NotMember, "Forbidden: bot is not a member of the channel chat")]
    public async Task A_refusal_of_the_channel_pauses_it_with_nothing_failed_and_queue_says_why(FakeTelegramFailure failure, string description)
    {
        await using var services = Services(time: new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        await Import(services, NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002"));
        fake.FailNextSends(1, failure);

        await services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var handler = services.GetRequiredService<ChatCommandHandler>();
        var queue = ConsoleReplyFormatter.Format(new ChatReplyLayout(handler).For(ChatPlatform.Console, await handler.QueueAsync(default)));

        Assert.Empty(fake.SentMessages);
        Assert.Equal(1, fake.Calls.Count(c => c.Method == "sendMessage"));
        var one = await Stored(services, NoteFactory.Paper("One", "2401.00001"));
        var two = await Stored(services, NoteFactory.Paper("Two", "2401.00002"));
        Assert.Equal((DeliveryState.Pending, DeliveryState.Pending), (one.Deliveries.Single().State, two.Deliveries.Single().State));
        var paused = Assert.Single(await services.GetRequiredService<DestinationStateStore>().PausedAsync(default));
        Assert.Equal("telegram:@digest_channel", paused.Destination);
        Assert.Contains(description, paused.Reason, StringComparison.Ordinal);
        Assert.Contains($"Paused: telegram:@digest_channel since 2026-03-01 08:00 UTC: The bot cannot post to @digest_channel ({description})", queue, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed:", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_private_channel_id_gets_a_t_me_c_permalink()
    {
        await using var services = Services(channel: "-1001234567890");
        var note = NoteFactory.Paper("One", "2401.00001");
        await Import(services, note);

        await services.GetRequiredService<Publisher>().PublishNextAsync(1, default);

        Assert.Equal("-1001234567890", Assert.Single(fake.SentMessages).ChatId);
        Assert.Equal("https://t.me/c/1234567890/1", (await Stored(services, note)).Summary().PostLink);
    }

    [Fact]
    public async Task A_note_interrupted_after_its_first_part_resumes_with_the_next_part_replying_to_the_first()
    {
        await using var services = Services();
        var note = LongNote("Interrupted");
        await Import(services, note);
        var publisher = services.GetRequiredService<Publisher>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var taken = Assert.Single(await publisher.TakeAsync(1, null, default));
        var parts = new TelegramNoteRenderer().Render(taken.Note);
        // The state a crash leaves after Telegram accepted part 1 and the record said so.
        var first = await services.GetRequiredService<ITelegramBotClient>().SendMessage(Channel, parts[0].Html, global::Telegram.Bot.Types.Enums.ParseMode.Html);
        await deliveries.MarkSendingAsync(taken.Id, "telegram:@digest_channel", default);
        await deliveries.MarkPartSentAsync(taken.Id, "telegram:@digest_channel", first.Id.ToString(CultureInfo.InvariantCulture), default);

        await publisher.DeliverUnfinishedAsync(default);

        Assert.Equal(parts.Select(p => p.Html), fake.SentMessages.Select(m => m.Text));
        Assert.All(fake.SentMessages.Skip(1), m => Assert.Equal(first.Id, m.ReplyToMessageId));
        Assert.Equal("https://t.me/digest_channel/1", (await deliveries.FindAsync(taken.Id, "telegram:@digest_channel", default))?.Permalink);
    }

    [Fact]
    public async Task Publish_with_a_note_id_posts_that_note_now_and_refuses_a_note_that_is_not_queued()
    {
        await using var services = Services();
        await Import(services, NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002"), NoteFactory.Paper("Three", "2401.00003"));
        Assert.True(CliArguments.TryParse(["publish", "3"], out var cli, out _));
        using var stdout = new StringWriter();

        var exit = await Verbs.RunAsync(cli, services, stdout, TextWriter.Null, default);
        using var again = new StringWriter();
        var twice = await Verbs.RunAsync(cli, services, again, TextWriter.Null, default);

        Assert.Equal(0, exit);
        Assert.Equal(["Three"], fake.SentMessages.Select(m => Title(m.Text)));
        Assert.StartsWith("Posted “Three” to ", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, twice);
        Assert.StartsWith("“Three” (note 3) is not in the queue (it is posted or withdrawn)", again.ToString(), StringComparison.Ordinal);
        Assert.Single(fake.SentMessages);
    }

    [Fact]
    public async Task Publish_posts_the_next_N_notes_and_says_where_they_went()
    {
        await using var services = Services();
        await Import(services, NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002"), NoteFactory.Paper("Three", "2401.00003"));
        Assert.True(CliArguments.TryParse(["publish", "--count", "2"], out var cli, out _));
        using var stdout = new StringWriter();

        var exit = await Verbs.RunAsync(cli, services, stdout, TextWriter.Null, default);

        Assert.Equal(0, exit);
        Assert.Equal(["One", "Two"], fake.SentMessages.Select(m => Title(m.Text)));
        Assert.Equal(
            "Posted “One” to telegram:@digest_channel: https://t.me/digest_channel/1\n"
            + "Posted “Two” to telegram:@digest_channel: https://t.me/digest_channel/2\n"
            + "Published 2 note(s); 0 delivery(ies) failed.\n",
            stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_startup_check_accepts_a_good_token_and_says_where_it_posts()
    {
        await using var services = Services();

        await Check(services);

        Assert.Single(fake.Calls, c => c.Method == "getMe");
        Assert.Contains(services.GetFakeLogCollector().GetSnapshot(), r => r.Message == "Telegram: posting to @digest_channel as @digest_test_bot");
    }

    [Fact]
    public async Task A_wrong_token_fails_the_start_with_one_sentence_naming_the_setting_and_not_the_token()
    {
        const string wrong = "987654321:AAWrongTokenWrongTokenWrongToken00";
        await using var services = Services(token: wrong);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => Check(services));

        var sentence = Assert.Single(e.Failures);
        Assert.StartsWith("Telegram refused Telegram:BotToken (401 Unauthorized).", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, sentence, StringComparison.Ordinal);
        Assert.DoesNotContain(fake.Calls, c => c.Method == "sendMessage");
    }

    [Theory]
    [InlineData(null, "Telegram:Channel is not set.")]
    [InlineData("digest_channel", "Telegram:Channel 'digest_channel' is neither @channel_name nor a negative chat id")]
    public async Task A_missing_or_malformed_channel_fails_the_start_with_one_sentence(string? channel, string expected)
    {
        await using var services = Services(channel: channel);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => Check(services));

        Assert.StartsWith(expected, Assert.Single(e.Failures), StringComparison.Ordinal);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task An_unreachable_api_fails_the_start_naming_Telegram_ApiBaseUrl()
    {
        await using var services = Services(apiBaseUrl: "http://127.0.0.1:1");

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => Check(services));

        Assert.StartsWith("Cannot reach the Telegram Bot API at http://127.0.0.1:1/", Assert.Single(e.Failures), StringComparison.Ordinal);
        Assert.Contains("Check Telegram:ApiBaseUrl", e.Failures.Single(), StringComparison.Ordinal);
    }

    private static async Task Check(ServiceProvider services)
    {
        foreach (var check in services.GetServices<IStartupCheck>())
        {
            await check.CheckAsync(default);
        }
    }

    private ServiceProvider Services(TimeProvider? time = null, string? channel = Channel, string? token = null, string? apiBaseUrl = null) =>
        TestServices.Create(
            folder,
            new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = token ?? fake.Token,
                ["Telegram:ApiBaseUrl"] = apiBaseUrl ?? fake.BaseUrl,
                ["Telegram:Channel"] = channel,
                // The fake enforces no limits here; pacing has its own tests.
                ["Telegram:Pacing:PerChatInterval"] = "00:00:00",
                ["Telegram:Pacing:GroupWindow"] = "00:00:00",
                ["Telegram:Pacing:GlobalWindow"] = "00:00:00",
            },
            time ?? TimeProvider.System,
            services => services.AddFakeLogging());

    private static async Task Import(ServiceProvider services, params Note[] notes) =>
        await services.GetRequiredService<NoteStore>().ImportAsync(notes, default);

    private static async Task<StoredNote> Stored(ServiceProvider services, Note note) =>
        (await services.GetRequiredService<NoteStore>().FindByKeyAsync(note, default))!;

    private static Note LongNote(string title) =>
        NoteFactory.Paper(title, "2402.00002", commentary: string.Join("\n\n", Enumerable.Range(1, 6).Select(i => $"Paragraph {i}: " + string.Concat(Enumerable.Repeat("비디오 segmentation works. ", 45)))));

    /// <summary>The title is the first bold run of a rendered note.</summary>
    internal static string? Title(string? html) =>
        html is null ? null : System.Text.RegularExpressions.Regex.Match(html, "<b>(.*?)</b>").Groups[1].Value;
}
