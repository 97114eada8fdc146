using System.Globalization;
using System.Text.Json.Nodes;
using DigestBot.Platforms.Telegram;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>Lookups and subscriptions, through the real host, long polling a fake Telegram.</summary>
public sealed class TelegramChatTests : IAsyncLifetime
{
    private const long Group = -4001;
    private const long ChannelChat = -1009876543210;

    private TelegramChatHost host = null!;

    public async Task InitializeAsync()
    {
        host = await TelegramChatHost.StartAsync();
        // The reader runs the group, so subscribing it is allowed; who may is TelegramRolesTests' business.
        host.Telegram.SetChatMember(Group, TelegramChatHost.Reader, "administrator");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Several_chats_are_answered_in_one_batch_and_each_chat_in_the_order_it_asked()
    {
        await host.ImportSampleAndPostAsync();
        var before = host.Telegram.SentMessages.Count;

        host.Telegram.EnqueueMessage(TelegramChatHost.Reader, "/tag llm");
        host.Telegram.EnqueueMessage(5001, "/help", fromUserId: 5001);
        host.Telegram.EnqueueMessage(TelegramChatHost.Reader, "/tags");
        host.Telegram.EnqueueMessage(5002, "/search 비디오", fromUserId: 5002);
        host.Telegram.EnqueueMessage(TelegramChatHost.Reader, "/tag rlaif");
        await host.Until(() => host.Telegram.SentMessages.Count >= before + 5, "five answers");

        var reader = host.MessagesTo(TelegramChatHost.Reader);
        Assert.Equal(3, reader.Count);
        Assert.StartsWith("<b>#llm: 1 note</b>", reader[0].Text);
        Assert.StartsWith("<b>8 tags</b>", reader[1].Text);
        Assert.StartsWith("<b>#rlaif: 1 note</b>", reader[2].Text);
        Assert.Contains("I post paper notes", Assert.Single(host.MessagesTo(5001)).Text);
        Assert.Contains("SAM 2", Assert.Single(host.MessagesTo(5002)).Text);
    }

    [Fact]
    public async Task An_update_already_handled_before_is_dropped_from_its_batch_and_the_others_are_answered()
    {
        var handled = host.Services.GetRequiredService<HandledUpdateStore>();
        var first = host.Telegram.EnqueueMessage(5101, "/help", fromUserId: 5101);
        // Handled by an earlier run (or through the webhook) before Telegram delivered it again.
        Assert.True(await handled.TryClaimAsync("telegram", (first + 1).ToString(CultureInfo.InvariantCulture), default));
        var repeated = host.Telegram.EnqueueMessage(5102, "/help", fromUserId: 5102);
        host.Telegram.EnqueueMessage(5103, "/tags", fromUserId: 5103);
        host.Telegram.EnqueueMessage(5102, "/tags", fromUserId: 5102);
        await host.Until(() => host.MessagesTo(5103).Count == 1 && host.MessagesTo(5102).Count == 1, "answers to 5103 and to the second message in 5102");
        host.Telegram.EnqueueMessage(5101, "/tags", fromUserId: 5101);
        await host.Until(() => host.MessagesTo(5101).Count == 2, "the second answer to 5101");

        Assert.Equal(first + 1, repeated);
        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", host.MessagesTo(5101)[0].Text);
        Assert.StartsWith("<b>No tags yet", Assert.Single(host.MessagesTo(5102)).Text);
        Assert.StartsWith("<b>No tags yet", Assert.Single(host.MessagesTo(5103)).Text);
    }

    [Fact]
    public async Task A_stop_in_the_middle_leaves_the_stored_updates_to_the_next_start_which_answers_them_in_order()
    {
        var ids = new List<int>();
        void Queue(FakeTelegramServer telegram)
        {
            ids.Add(telegram.EnqueueMessage(5201, "/help", fromUserId: 5201));
            ids.Add(telegram.EnqueueMessage(5201, "/tags", fromUserId: 5201));
            ids.Add(telegram.EnqueueMessage(5202, "/help", fromUserId: 5202));
        }

        // Each answer takes a minute to reach Telegram, and one chat is answered at a time: the stop comes while the
        // first answer is on its way and the other two updates have not started. Nothing but finished work is written
        // at the stop, so what the store holds then is also what a killed process leaves.
        await using var stopping = await TelegramChatHost.StartAsync(
            new Dictionary<string, string> { ["Telegram:ConcurrentChats"] = "1" },
            telegramOptions: FakeTelegramOptions.Unlimited(sendLatency: TimeSpan.FromMinutes(1)),
            queued: Queue);
        await stopping.Telegram.WaitForArrivalsAsync("sendMessage", 1).WaitAsync(TimeSpan.FromSeconds(20));
        // Polling did not wait for the answer: the batch is stored and Telegram told to forget it.
        var state = stopping.Services.GetRequiredService<DeliveryStore>();
        var pastTheBatch = (ids[2] + 1).ToString(CultureInfo.InvariantCulture);
        await stopping.Until(async () => await state.GetStateAsync(TelegramUpdatePoller.OffsetKey, default) == pastTheBatch, "the offset past the batch");
        await stopping.App.StopAsync();
        var left = await SqliteFile.ScalarAsync(stopping.DatabasePath, "SELECT group_concat(update_id, ',') FROM (SELECT update_id FROM pending_updates ORDER BY CAST(update_id AS INTEGER))");

        // The next start polls past the batch (nothing comes again from Telegram) and answers what is stored, in order:
        // the interrupted /help again, then /tags in the same chat, and the other chat's /help.
        await using var restarted = await TelegramChatHost.StartAsync(new Dictionary<string, string> { ["Storage:Path"] = stopping.DatabasePath });
        await restarted.Until(() => restarted.MessagesTo(5201).Count == 2 && restarted.MessagesTo(5202).Count == 1, "answers to the three stored updates");
        await restarted.Until(async () => (long)(await SqliteFile.ScalarAsync(restarted.DatabasePath, "SELECT COUNT(*) FROM pending_updates"))! == 0, "the stored updates to be done");

        Assert.Equal(string.Join(',', ids), left);
        Assert.Collection(
            restarted.MessagesTo(5201),
            help => Assert.StartsWith("<b>DigestBot — ML paper digests</b>", help.Text),
            tags => Assert.StartsWith("<b>No tags yet", tags.Text));
        Assert.StartsWith("<b>DigestBot — ML paper digests</b>", Assert.Single(restarted.MessagesTo(5202)).Text);
        Assert.Equal(pastTheBatch, await restarted.Services.GetRequiredService<DeliveryStore>().GetStateAsync(TelegramUpdatePoller.OffsetKey, default));
    }

    [Fact]
    public async Task Tag_in_a_private_chat_lists_the_sample_notes_with_post_and_paper_links()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await host.SendAsync(TelegramChatHost.Reader, "/tag Video_Segmentation");

        Assert.Equal(
            "<b>#video-segmentation: 1 note</b>\n\n"
            + "1. <b>SAM 2: Segment Anything in Images and Videos</b> · 2024-07-30\n"
            + "<a href=\"https://t.me/digest_channel/2\">post</a> · <a href=\"https://ai.meta.com/blog/segment-anything-2\">ai.meta.com/blog/segment-anything-2</a>",
            answer.Text);
        Assert.Empty(TelegramHtmlValidator.Problems(answer.Text!));
        Assert.Equal("Html", answer.ParseMode);
        Assert.True((bool?)answer.LinkPreviewOptions?["is_disabled"]);
        Assert.NotNull(answer.ReplyToMessageId);
    }

    [Fact]
    public async Task Every_command_is_answered_in_a_private_chat_a_group_with_our_name_and_a_channel()
    {
        await host.ImportSampleAndPostAsync();
        (string Command, string Heading)[] commands =
        [
            ("/tag LLM", "<b>#llm: 1 note</b>"),
            ("/tags", "<b>8 tags</b>"),
            ("/search 비디오", "<b>“비디오”: 1 note</b>"),
            ("/queue", "<b>Sorry, /queue is for the channel's curators.</b>"),
            ("/help", "<b>DigestBot — ML paper digests</b>"),
            ("/start", "<b>DigestBot — ML paper digests</b>"),
            ("/subscribe", "<b>Subscribed: this chat will receive every new post.</b>"),
            ("/unsubscribe", "<b>Unsubscribed: this chat will not receive posts any more.</b>"),
        ];
        var expected = new List<string>();
        var actual = new List<string>();

        foreach (var (chat, mention) in new[] { (TelegramChatHost.Reader, ""), (Group, "@digest_test_bot"), (ChannelChat, "") })
        {
            foreach (var (command, heading) in commands)
            {
                var space = command.IndexOf(' ');
                var text = space < 0 ? command + mention : command[..space] + mention + command[space..];
                var answer = await host.SendAsync(chat, text);
                expected.Add($"{chat} {text}: {heading}");
                actual.Add($"{chat} {text}: {answer.Text![..(answer.Text!.IndexOf("</b>", StringComparison.Ordinal) + 4)]}");
                Assert.Empty(TelegramHtmlValidator.Problems(answer.Text!));
            }
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_command_menu_is_registered_at_start()
    {
        await host.Until(() => host.Telegram.Commands.Count > 0, "setMyCommands");

        Assert.Equal(["tag", "tags", "search", "subscribe", "unsubscribe", "queue", "help"], host.Telegram.Commands.Select(c => c.Command));
    }

    [Fact]
    public async Task In_a_group_commands_for_us_are_answered_and_commands_for_other_bots_are_not()
    {
        await host.ImportSampleAndPostAsync();
        host.Telegram.EnqueueMessage(Group, "/tags@some_other_bot", TelegramChatHost.Reader);

        var tags = await host.SendAsync(Group, "/tags@digest_test_bot");
        var tag = await host.SendAsync(Group, "/tag@Digest_Test_Bot synthetic_data");

        Assert.Equal(2, host.MessagesTo(Group).Count);
        Assert.StartsWith("<b>8 tags</b>\n\n#synthetic-data — 2\n#dataset — 1\n", tags.Text);
        Assert.Contains("#llm — 1", tags.Text);
        Assert.StartsWith("<b>#synthetic-data: 2 notes</b>", tag.Text);
        Assert.Contains("VILA^2: VILA Augmented VILA", tag.Text);
        Assert.Empty(TelegramHtmlValidator.Problems(tags.Text!));
    }

    [Fact]
    public async Task Channel_posts_are_answered_in_the_channel()
    {
        await host.ImportSampleAndPostAsync();

        var search = await host.SendAsync(ChannelChat, "/search 비디오");
        var help = await host.SendAsync(ChannelChat, "/start");

        Assert.StartsWith("<b>“비디오”: 1 note</b>", search.Text);
        Assert.Contains("SAM 2: Segment Anything", search.Text);
        Assert.Contains("I post paper notes", help.Text);
        Assert.DoesNotContain("/queue", help.Text);
    }

    [Fact]
    public async Task An_unknown_tag_answers_with_the_closest_tags()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentaton");

        Assert.Equal(
            "<b>No notes are tagged #video-segmentaton.</b>\n\nClosest tags: #video-segmentation\nSend /tags to see every tag.",
            answer.Text);
    }

    [Fact]
    public async Task An_unknown_tag_is_answered_in_Korean_to_a_Korean_user_and_in_English_to_an_English_one()
    {
        await host.ImportSampleAndPostAsync();

        var korean = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentaton", languageCode: "ko");
        var english = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentaton", languageCode: "en");

        Assert.Equal(
            "<b>#video-segmentaton 태그가 붙은 노트가 없어요.</b>\n\n비슷한 태그: #video-segmentation\n모든 태그는 /tags로 볼 수 있어요.",
            korean.Text);
        Assert.Equal(
            "<b>No notes are tagged #video-segmentaton.</b>\n\nClosest tags: #video-segmentation\nSend /tags to see every tag.",
            english.Text);
    }

    [Fact]
    public async Task Help_is_in_Korean_for_ko_KR_with_the_command_names_as_they_are()
    {
        var help = await host.SendAsync(TelegramChatHost.Reader, "/help", languageCode: "ko-KR");

        Assert.StartsWith("<b>DigestBot — ML 논문 다이제스트</b>", help.Text);
        Assert.Contains("/tag &lt;태그&gt; — 그 태그가 붙은 노트를 최신순으로 보여 줘요", help.Text);
        Assert.Contains("/search &lt;단어&gt;", help.Text);
        Assert.DoesNotContain("Notes with", help.Text);
    }

    [Fact]
    public async Task A_lookup_in_Korean_lays_out_its_notes_in_Korean()
    {
        await host.ImportSampleAndPostAsync();

        var answer = await host.SendAsync(TelegramChatHost.Reader, "/tag video-segmentation", languageCode: "ko");

        Assert.StartsWith("<b>#video-segmentation: 노트 1개</b>", answer.Text);
        Assert.Contains(">게시물</a>", answer.Text);
    }

    [Fact]
    public async Task The_command_menu_is_registered_in_English_by_default_and_in_Korean_for_ko()
    {
        await host.Until(() => host.Telegram.Commands.Count > 0 && host.Telegram.CommandsByLanguage.ContainsKey("ko"), "both setMyCommands");

        var korean = host.Telegram.CommandsByLanguage["ko"];
        Assert.Equal(host.Telegram.Commands.Select(c => c.Command), korean.Select(c => c.Command));
        Assert.Contains(("tag", "Notes with a tag, newest first"), host.Telegram.Commands);
        Assert.Contains(("tag", "태그가 붙은 노트, 최신순"), korean);
    }

    [Fact]
    public async Task Queued_notes_are_shown_to_curators_marked_as_queued_and_hidden_from_others()
    {
        await host.ImportSampleAndPostAsync();
        await host.QueueAsync(NoteFactory.Paper("Waiting Paper", "2501.00001", ["llm"]));

        var reader = await host.SendAsync(TelegramChatHost.Reader, "/tag llm");
        var curator = await host.SendAsync(TelegramChatHost.Curator, "/tag llm", TelegramChatHost.Curator);
        var queue = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var refused = await host.SendAsync(TelegramChatHost.Reader, "/queue");

        Assert.DoesNotContain("Waiting Paper", reader.Text);
        Assert.Contains("<b>Waiting Paper</b>\n<a href=\"https://arxiv.org/abs/2501.00001\">arxiv.org/abs/2501.00001</a>\n<i>queued, goes out ", curator.Text);
        Assert.Contains("Asia/Seoul</i>", curator.Text);
        Assert.StartsWith("<b>1 note queued; next slot ", queue.Text);
        Assert.Contains("Waiting Paper", queue.Text);
        Assert.StartsWith("<b>Sorry, /queue is for the channel's curators.</b>", refused.Text);
    }

    [Fact]
    public async Task More_than_ten_results_page_with_buttons_and_every_callback_is_answered()
    {
        for (var i = 1; i <= 23; i++)
        {
            await host.QueueAsync(NoteFactory.Paper($"Scaling paper {i:00}", $"2501.{i:00000}", ["scaling_law"]));
        }

        await host.PostAllQueuedAsync();

        var first = await host.SendAsync(TelegramChatHost.Reader, "/tag scaling-law");
        var keyboard = first.Parameters["reply_markup"]!["inline_keyboard"]!.AsArray();
        var next = (string)keyboard[0]![0]!["callback_data"]!;
        var messageId = TelegramChatHost.AnswerId(first);
        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery("cbq-1", TelegramChatHost.Reader, TelegramChatHost.Reader, messageId, next));
        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery("cbq-2", TelegramChatHost.Reader, TelegramChatHost.Reader, messageId, "p|t|scaling-law|3"));
        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery("cbq-3", TelegramChatHost.Reader, TelegramChatHost.Reader, messageId, "garbage"));
        await host.Until(() => host.Telegram.Calls.Count(c => c.Method == "answerCallbackQuery") == 3, "three answerCallbackQuery calls");
        var edits = host.Telegram.Calls.Where(c => c.Method == "editMessageText" && c.StatusCode == 200).ToList();
        var answers = host.Telegram.Calls.Where(c => c.Method == "answerCallbackQuery").ToList();

        Assert.StartsWith("<b>#scaling-law: 23 notes</b>\n\n1. <b>Scaling paper 23</b>", first.Text);
        Assert.Contains("10. <b>Scaling paper 14</b>", first.Text);
        Assert.DoesNotContain("Scaling paper 13", first.Text);
        Assert.EndsWith("<i>Page 1 of 3</i>", first.Text);
        Assert.Equal("p|t|scaling-law|2", next);
        Assert.Single(keyboard[0]!.AsArray());
        Assert.Equal(2, edits.Count);
        Assert.Contains("11. <b>Scaling paper 13</b>", edits[0].Text);
        Assert.EndsWith("<i>Page 2 of 3</i>", edits[0].Text);
        Assert.Equal(["p|t|scaling-law|1", "p|t|scaling-law|3"], edits[0].Parameters["reply_markup"]!["inline_keyboard"]![0]!.AsArray().Select(b => (string)b!["callback_data"]!));
        Assert.Contains("23. <b>Scaling paper 01</b>", edits[1].Text);
        Assert.All(edits, e => Assert.Empty(TelegramHtmlValidator.Problems(e.Text!)));
        Assert.Equal(["cbq-1", "cbq-2", "cbq-3"], answers.Select(a => (string)a.Parameters["callback_query_id"]!));
        Assert.Equal("Page 2 of 3", answers[0].Text);
        Assert.Equal("This button no longer works; send the command again.", answers[2].Text);
    }

    [Fact]
    public async Task Subscribed_chats_become_destinations_that_receive_posts_with_their_tags()
    {
        var everything = await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        var again = await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        var tagged = await host.SendAsync(Group, "/subscribe@digest_test_bot #Video_Segmentation");
        var source = host.Services.GetServices<IDestinationSource>().OfType<TelegramSubscriptionDestinations>().Single();
        var destinations = await source.GetAsync(default);
        await host.QueueAsync(
            NoteFactory.Paper("A segmentation paper", "2502.00001", ["video-segmentation"]),
            NoteFactory.Paper("A language paper", "2502.00002", ["llm"]));

        await host.Services.GetRequiredService<Publisher>().PublishNextAsync(2, default);
        var toReader = host.MessagesTo(TelegramChatHost.Reader).Skip(2).ToList();
        var toGroup = host.MessagesTo(Group).Skip(1).ToList();
        var records = await host.Services.GetRequiredService<DeliveryStore>().UnfinishedAsync(default);
        var stop = await host.SendAsync(Group, "/unsubscribe");

        Assert.StartsWith("<b>Subscribed: this chat will receive every new post.</b>", everything.Text);
        Assert.StartsWith("<b>This chat already receives every new post.</b>", again.Text);
        Assert.StartsWith("<b>Subscribed: this chat will receive new posts tagged #video-segmentation.</b>", tagged.Text);
        Assert.Equal(["telegram:chat:-4001", "telegram:chat:4242"], destinations.Select(d => d.Key).Order());
        Assert.Equal(["<b>A segmentation paper</b>", "<b>A language paper</b>"], toReader.Select(m => m.Text![..m.Text!.IndexOf('\n')]));
        Assert.Equal("<b>A segmentation paper</b>", Assert.Single(toGroup).Text![..toGroup[0].Text!.IndexOf('\n')]);
        Assert.Empty(records);
        Assert.StartsWith("<b>Unsubscribed", stop.Text);
        Assert.Equal(["telegram:chat:4242"], (await source.GetAsync(default)).Select(d => d.Key));
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_loses_its_subscription_and_the_others_still_receive_posts()
    {
        await host.SendAsync(TelegramChatHost.Reader, "/subscribe");
        await host.SendAsync(Group, "/subscribe");
        var source = host.Services.GetServices<IDestinationSource>().OfType<TelegramSubscriptionDestinations>().Single();
        var publisher = host.Services.GetRequiredService<Publisher>();
        var deliveries = host.Services.GetRequiredService<DeliveryStore>();
        int SendsToReader() => host.Telegram.Calls.Count(c =>
            c.Method == "sendMessage" && c.Parameters["chat_id"]?.ToJsonString() == TelegramChatHost.Reader.ToString(CultureInfo.InvariantCulture));
        var readerBefore = SendsToReader();
        host.Telegram.BlockBot(TelegramChatHost.Reader);
        var first = await host.QueueAsync(NoteFactory.Paper("First after the block", "2504.00001", ["llm"]));

        await publisher.PublishNextAsync(1, default);
        var refused = await deliveries.FindAsync(first[0].Id, TelegramDestination.SubscriberKeyPrefix + TelegramChatHost.Reader, default);
        var left = (await source.GetAsync(default)).Select(d => d.Key).ToList();
        await host.QueueAsync(NoteFactory.Paper("Second after the block", "2504.00002", ["llm"]));
        await publisher.PublishNextAsync(1, default);

        Assert.Equal(DeliveryState.Dropped, refused!.State);
        Assert.Contains("bot was blocked by the user", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(["telegram:chat:-4001"], left);
        Assert.Equal(
            ["<b>First after the block</b>", "<b>Second after the block</b>"],
            host.MessagesTo(Group).Skip(1).Select(m => m.Text![..m.Text!.IndexOf('\n')]));
        // One refused attempt, then none: the chat is no longer a destination.
        Assert.Equal(1, SendsToReader() - readerBefore);
    }

    [Fact]
    public async Task A_title_full_of_markup_characters_is_escaped_in_lookups()
    {
        await host.QueueAsync(NoteFactory.Paper("Attention <b>& Friends</b> < \"quoted\" > & more", "2503.00001", ["html-trap"]) with
        {
            Links = ["https://example.org/paper?a=1&b=\"2\""],
        });
        await host.PostAllQueuedAsync();

        var tag = await host.SendAsync(TelegramChatHost.Reader, "/tag html_trap");
        var search = await host.SendAsync(TelegramChatHost.Reader, "/search Friends</b>");

        Assert.Contains("<b>Attention &lt;b&gt;&amp; Friends&lt;/b&gt; &lt; \"quoted\" &gt; &amp; more</b>", tag.Text);
        Assert.Contains("<a href=\"https://example.org/paper?a=1&amp;b=&quot;2&quot;\">", tag.Text);
        Assert.Empty(TelegramHtmlValidator.Problems(tag.Text!));
        Assert.Contains("1. Attention <b>& Friends</b> < \"quoted\" > & more", TelegramHtmlValidator.VisibleText(tag.Text!));
        Assert.Empty(TelegramHtmlValidator.Problems(search.Text!));
        Assert.StartsWith("<b>“Friends&lt;/b&gt;”: 1 note</b>", search.Text);
    }

    [Fact]
    public async Task Plain_text_in_a_private_chat_gets_a_hint_and_the_offset_is_stored()
    {
        var hint = await host.SendAsync(TelegramChatHost.Reader, "hello there");
        var lastId = host.Telegram.EnqueueMessage(TelegramChatHost.Reader, "/help");
        await host.NextMessageAsync(TelegramChatHost.Reader.ToString(CultureInfo.InvariantCulture), 1);
        var deliveries = host.Services.GetRequiredService<DeliveryStore>();
        var pastTheHelp = (lastId + 1).ToString(CultureInfo.InvariantCulture);
        await host.Until(async () => await deliveries.GetStateAsync(TelegramUpdatePoller.OffsetKey, default) == pastTheHelp, "the offset past /help");

        Assert.Equal(pastTheHelp, await deliveries.GetStateAsync(TelegramUpdatePoller.OffsetKey, default));
        // The same hint Slack gives: the conversation's words, no longer one per platform.
        Assert.Equal(
            "<b>Hi! Curators can send me an arXiv, Hugging Face or alphaXiv paper link to queue it; anyone can ask with /tag, /tags and /search.</b>\n\nSend /help to see everything I can do.",
            hint.Text);
    }
}
