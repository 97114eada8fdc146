using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Platforms.Slack;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Slack;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// <c>/edit</c> and a corrected note sent back in a curator's private chat, through the real host and both fakes: the
/// answer shows what would change with Update / Cancel; Update edits every posted copy, Cancel leaves it, a second
/// press is told it was done, a non-curator's press is refused, and a press after the note changed otherwise is out of date.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class ChatEditTests
{
    private const long Curator = CuratingHost.TelegramCurator;
    private const long Stranger = 4242;
    private const string SlackDirect = "D0DIRECT01";

    [Fact]
    public async Task On_Telegram_edit_shows_the_note_and_the_corrected_note_is_applied_by_Update_on_every_posted_copy()
    {
        await using var host = await CuratingHost.StartAsync();
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, Digest);

        var shown = await SendAsync(host, "/edit 1", "ko");

        Assert.StartsWith("<b>노트 1을(를) 다이제스트 형식으로 보여 드려요.", shown.Text, StringComparison.Ordinal);
        Assert.Contains("<pre>2024-07-30\nSAM 2: Segment Anything in Images and Videos\n", shown.Text, StringComparison.Ordinal);
        Assert.Contains("SAM 2가 나왔군요. 비디오 확장입니다.\n#video-segmentation</pre>", shown.Text, StringComparison.Ordinal);

        var proposed = await SendAsync(host, Corrected, "ko");

        Assert.Equal("<b>노트 1(“SAM 2: Segment Anything in Images and Videos”)이(가) 이렇게 바뀌어요:</b>\n\n제목 그대로 · 해설: 1줄 바뀜 · 태그: +#rlhf", proposed.Text);
        var buttons = proposed.Parameters["reply_markup"]!["inline_keyboard"]![0]!.AsArray();
        Assert.Equal(["업데이트", "취소"], buttons.Select(b => (string)b!["text"]!));
        var update = (string)buttons[0]!["callback_data"]!;
        Assert.Matches(@"^e:u:\d+$", update);
        Assert.Equal(0, await PendingMessageEditsAsync(host));

        var refused = await PressAsync(host, "cbq-stranger", Stranger, proposed, update);
        Assert.Equal("Sorry, only the channel's curators can update or cancel an edit.", refused);
        Assert.Equal(0, await PendingMessageEditsAsync(host));

        var done = await PressAsync(host, "cbq-update", Curator, proposed, update);

        Assert.StartsWith("Updated note 1: commentary, tags.", done, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            () => Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1))
                && Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited",
            TimeSpan.FromSeconds(60));
        Assert.Equal(["video-segmentation", "rlhf"], (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!.Note.Tags);
        Assert.Contains(
            host.Telegram.Calls,
            c => c.Method == "editMessageText" && c.ChatId == Curator.ToString(CultureInfo.InvariantCulture) && c.Text!.StartsWith("<b>Updated note 1", StringComparison.Ordinal));

        var again = await PressAsync(host, "cbq-again", Curator, proposed, update);
        Assert.Equal("This edit of note 1 was decided already; nothing more changed.", again);
    }

    [Fact]
    public async Task An_edit_waiting_for_Update_survives_a_restart_and_Update_then_edits_every_posted_copy_once()
    {
        await using var host = await CuratingHost.StartAsync();
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, Digest);
        var proposed = await SendAsync(host, Corrected, "ko");
        var update = (string)proposed.Parameters["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!;

        await host.RestartAsync();
        var done = await PressAsync(host, "cbq-after-restart", Curator, proposed, update);

        Assert.StartsWith("Updated note 1: commentary, tags.", done, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            () => Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1))
                && Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited after the restart",
            TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(
            async () => (long)(await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT COUNT(*) FROM message_edits WHERE state <> 'sent'"))! == 0,
            "every edit record sent",
            TimeSpan.FromSeconds(60));
        Assert.Equal(3L, await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT COUNT(*) FROM message_edits"));
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "editMessageText" && c.ChatId != Curator.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task On_Telegram_Cancel_leaves_the_posted_copy_and_an_Update_after_the_note_changed_otherwise_is_out_of_date()
    {
        await using var host = await CuratingHost.StartAsync();
        var (file, _) = await CuratingHost.ImportAndPostFirstAsync(host, Digest);
        var channelText = host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1);

        var first = await SendAsync(host, Corrected);
        var cancel = (string)first.Parameters["reply_markup"]!["inline_keyboard"]![0]![1]!["callback_data"]!;
        Assert.Matches(@"^e:c:\d+$", cancel);
        var cancelled = await PressAsync(host, "cbq-cancel", Curator, first, cancel);

        Assert.Equal("Cancelled: note 1 stays as it was.", cancelled);
        Assert.Equal("SAM 2가 나왔군요. 비디오 확장입니다.", (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!.Note.Commentary);
        Assert.Equal(0, await PendingMessageEditsAsync(host));
        Assert.Equal(channelText, host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1));

        var second = await SendAsync(host, Corrected);
        await File.WriteAllTextAsync(file, Digest.Replace("비디오 확장입니다.", "비디오로 넓혔습니다.", StringComparison.Ordinal));
        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath)).ExitCode);
        var update = (string)second.Parameters["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!;
        var stale = await PressAsync(host, "cbq-stale", Curator, second, update);

        Assert.Equal("Note 1 changed since this edit was shown, so it was not applied; send /edit 1 to start from the note as it is now.", stale);
        Assert.Equal("SAM 2가 나왔군요. 비디오로 넓혔습니다.", (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!.Note.Commentary);
    }

    [Fact]
    public async Task On_Telegram_a_corrected_note_that_takes_another_notes_key_or_a_withdrawn_note_gets_one_sentence()
    {
        await using var host = await CuratingHost.StartAsync();
        await CuratingHost.ImportAndPostFirstAsync(host, Digest);

        await SendAsync(host, "/edit 2");
        var taken = await SendAsync(host, Digest.Split("\n\n")[0] + "\n");
        Assert.Equal("<b>This note has the arXiv id, link or title of note 1, so note 2 was not changed.</b>", taken.Text);
        Assert.Null(taken.Parameters["reply_markup"]);

        Assert.Equal(0, (await ProgramProcess.RunAsync(host.Folder, "withdraw", "2", "--db", host.DatabasePath)).ExitCode);
        var withdrawn = await SendAsync(host, "/edit 2");
        Assert.Equal(
            "<b>“Mamba: Linear-Time Sequence Modeling” (note 2) is withdrawn, so it cannot be edited; /requeue 2 puts it back in the queue first.</b>",
            withdrawn.Text);
        var unknown = await SendAsync(host, "/edit 99");
        Assert.StartsWith("<b>There is no note 99.</b>", unknown.Text, StringComparison.Ordinal);
        var stranger = await SendAsync(host, "/edit 1", from: Stranger);
        Assert.StartsWith("<b>Sorry, /edit is for the channel's curators.</b>", stranger.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_Slack_the_corrected_note_in_a_direct_message_gets_buttons_and_Update_edits_the_posted_copy_Cancel_leaves_it()
    {
        await using var host = await CuratingHost.StartAsync();
        host.Slack.AddChannel(SlackDirect);
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, Digest);

        using (var edit = await CommandAsync(host, "/digest", "edit 1"))
        {
            var body = JsonNode.Parse(await edit.Content.ReadAsStringAsync())!.AsObject();
            var code = body["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "rich_text")!;
            Assert.Equal("rich_text_preformatted", (string?)code["elements"]![0]!["type"]);
            Assert.StartsWith("2024-07-30\nSAM 2: Segment Anything", (string?)code["elements"]![0]!["elements"]![0]!["text"], StringComparison.Ordinal);
        }

        var proposal = await DirectMessageAsync(host, "Ev0EDIT0001", Corrected, "1772352000.000100");
        Assert.Contains("title unchanged · commentary: 1 line changed · tags: +#rlhf", proposal.Json, StringComparison.Ordinal);
        var actions = proposal.Body["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]!.AsArray();
        Assert.Equal([SlackEditButtons.UpdateActionId, SlackEditButtons.CancelActionId], actions.Select(a => (string)a!["action_id"]!));
        var id = (string)actions[0]!["value"]!;

        using (await InteractAsync(host, SlackBotHost.BlockActions("USTRANGER", SlackEditButtons.UpdateActionId, id, host.Slack.ResponseUrl("stranger"), SlackDirect)))
        {
        }

        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 1);
        Assert.Equal("Sorry, only the channel's curators can update or cancel an edit.", (string?)host.Slack.ResponseUrlPosts[0].Body["text"]);
        Assert.Equal(false, (bool?)host.Slack.ResponseUrlPosts[0].Body["replace_original"]);

        using (await InteractAsync(host, SlackBotHost.BlockActions(CuratingHost.SlackCurator, SlackEditButtons.UpdateActionId, id, host.Slack.ResponseUrl("update"), SlackDirect)))
        {
        }

        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 2);
        Assert.StartsWith("Updated note 1: commentary, tags.", (string?)host.Slack.ResponseUrlPosts[1].Body["text"], StringComparison.Ordinal);
        Assert.Equal(true, (bool?)host.Slack.ResponseUrlPosts[1].Body["replace_original"]);
        await Eventually.TrueAsync(
            () => Edited(host.Slack.CurrentText(slackTs)) && Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1)),
            "the posted copies edited",
            TimeSpan.FromSeconds(60));
        var slackText = host.Slack.CurrentText(slackTs);

        var again = await DirectMessageAsync(host, "Ev0EDIT0002", Corrected.Replace("분할로 넓힌", "분할로 다시 넓힌", StringComparison.Ordinal), "1772352000.000200");
        var editsBefore = await PendingMessageEditsAsync(host);
        var cancelId = (string)again.Body["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]![1]!["value"]!;
        using (await InteractAsync(host, SlackBotHost.BlockActions(CuratingHost.SlackCurator, SlackEditButtons.CancelActionId, cancelId, host.Slack.ResponseUrl("cancel"), SlackDirect)))
        {
        }

        await host.Slack.WaitUntilAsync(s => s.ResponseUrlPosts.Count == 3);
        Assert.Equal("Cancelled: note 1 stays as it was.", (string?)host.Slack.ResponseUrlPosts[2].Body["text"]);
        Assert.Equal(editsBefore, await PendingMessageEditsAsync(host));
        Assert.Equal(slackText, host.Slack.CurrentText(slackTs));
        Assert.DoesNotContain("다시 넓힌", (await host.Get<NoteStore>().FindAsync(1, CancellationToken.None))!.Note.Commentary, StringComparison.Ordinal);
    }

    private static bool Edited(string? text) => text is not null && text.Contains("비디오 분할로 넓힌", StringComparison.Ordinal);

    /// <summary>The curator (or <paramref name="from"/>) writes in their private chat; returns the bot's answer there.</summary>
    private static async Task<FakeTelegramCall> SendAsync(TwoPlatformHost host, string text, string? language = null, long from = Curator)
    {
        var chat = from.ToString(CultureInfo.InvariantCulture);
        var before = host.Telegram.SentMessages.Count(m => m.ChatId == chat);
        host.Telegram.EnqueueMessage(from, text, from, language);
        await Eventually.TrueAsync(() => host.Telegram.SentMessages.Count(m => m.ChatId == chat) > before, "the bot's answer", TimeSpan.FromSeconds(60));
        return host.Telegram.SentMessages.Where(m => m.ChatId == chat).ElementAt(before);
    }

    /// <summary>Presses a button of <paramref name="answer"/> as <paramref name="from"/>; returns what the button's answer said.</summary>
    private static async Task<string?> PressAsync(TwoPlatformHost host, string id, long from, FakeTelegramCall answer, string data)
    {
        var messageId = answer.ReplyToMessageId!.Value + 1;
        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery(id, from, long.Parse(answer.ChatId!, CultureInfo.InvariantCulture), messageId, data));
        await Eventually.TrueAsync(
            () => host.Telegram.Calls.Any(c => c.Method == "answerCallbackQuery" && (string?)c.Parameters["callback_query_id"] == id),
            "the button answered",
            TimeSpan.FromSeconds(60));
        return host.Telegram.Calls.Single(c => c.Method == "answerCallbackQuery" && (string?)c.Parameters["callback_query_id"] == id).Text;
    }

    private static async Task<long> PendingMessageEditsAsync(TwoPlatformHost host) =>
        (long)(await SqliteFile.ScalarAsync(host.DatabasePath, "SELECT COUNT(*) FROM message_edits"))!;

    private static async Task<FakeSlackCall> DirectMessageAsync(TwoPlatformHost host, string eventId, string text, string ts)
    {
        var before = host.Slack.Posts.Count(p => p.Channel == SlackDirect);
        using (await PostSignedAsync(host, "/slack/events", SlackBotHost.Callback(eventId, SlackBotHost.DirectMessage(CuratingHost.SlackCurator, text, ts)).ToJsonString(), "application/json"))
        {
        }

        await host.Slack.WaitUntilAsync(s => s.Posts.Count(p => p.Channel == SlackDirect) > before);
        return host.Slack.Posts.Where(p => p.Channel == SlackDirect).ElementAt(before);
    }

    private static Task<HttpResponseMessage> CommandAsync(TwoPlatformHost host, string command, string text) =>
        PostSignedAsync(
            host,
            "/slack/commands",
            SlackBotHost.Form(new Dictionary<string, string>
            {
                ["team_id"] = "T0DIGEST",
                ["channel_id"] = SlackDirect,
                ["user_id"] = CuratingHost.SlackCurator,
                ["user_name"] = "curator",
                ["command"] = command,
                ["text"] = text,
                ["response_url"] = host.Slack.ResponseUrl("command"),
                ["trigger_id"] = "1.2.3",
            }),
            "application/x-www-form-urlencoded");

    private static Task<HttpResponseMessage> InteractAsync(TwoPlatformHost host, JsonObject payload) =>
        PostSignedAsync(host, "/slack/interactivity", SlackBotHost.Form(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() }), "application/x-www-form-urlencoded");

    private static async Task<HttpResponseMessage> PostSignedAsync(TwoPlatformHost host, string path, string body, string contentType)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(SlackBotHost.SigningSecret, ts, bytes));
        var response = await host.Http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
        return response;
    }

    private const string Corrected = """
        2024-07-30
        SAM 2: Segment Anything in Images and Videos
        (Nikhila Ravi, Valentin Gabeur)
        We present Segment Anything Model 2 (SAM 2).
        https://arxiv.org/abs/2408.00714
        SAM 2가 나왔군요. 비디오 분할로 넓힌 모델입니다.
        #video-segmentation #rlhf
        """;

    private const string Digest = """
        2024-07-30
        SAM 2: Segment Anything in Images and Videos
        (Nikhila Ravi, Valentin Gabeur)
        We present Segment Anything Model 2 (SAM 2).
        https://arxiv.org/abs/2408.00714
        SAM 2가 나왔군요. 비디오 확장입니다.
        #video_segmentation

        Mamba: Linear-Time Sequence Modeling
        (Albert Gu, Tri Dao)
        Foundation models are almost universally based on the Transformer.
        https://arxiv.org/abs/2312.00752
        상태 공간 모델입니다.
        #ssm

        """;
}
