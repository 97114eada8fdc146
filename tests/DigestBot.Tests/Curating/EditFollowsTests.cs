using DigestBot.Chat;
using DigestBot.Cli;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Publishing;

namespace DigestBot.Tests.Curating;

/// <summary>
/// A curator's change made while the bot runs, by the real program run as a separate process — a corrected note imported
/// again, a note withdrawn: the running bot carries it out on every posted copy within seconds, through the real host
/// and both fake platforms.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class EditFollowsTests
{
    [Fact]
    public async Task Reimporting_a_corrected_file_edits_the_channel_Slack_and_a_subscriber_and_a_queued_note_keeps_its_place()
    {
        await using var host = await CuratingHost.StartAsync();
        var (file, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요. 비디오 확장입니다.", "상태 공간 모델입니다."));

        await File.WriteAllTextAsync(file, CuratingHost.Digest("SAM 2가 나왔군요. 비디오 분할의 확장입니다.", "상태 공간 모델을 다시 봅니다."));
        var again = await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath);
        Assert.Contains("updated note 1: commentary", again.Output + again.Errors, StringComparison.Ordinal);

        await Eventually.TrueAsync(
            () => CuratingHost.Edited(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1))
                && CuratingHost.Edited(host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1))
                && CuratingHost.Edited(host.Slack.CurrentText(slackTs)),
            "every posted copy edited",
            TimeSpan.FromSeconds(60));
        await CuratingHost.EveryChangeRecordedSentAsync(host, 3);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("updated note 1: commentary", again.Output, StringComparison.Ordinal);
        Assert.Contains("updated note 2: commentary", again.Output, StringComparison.Ordinal);
        var edits = host.Telegram.Calls.Where(c => c.Method == "editMessageText" && c.StatusCode == 200).ToList();
        Assert.Equal(2, edits.Count);
        var share = (string?)Assert.Single(edits, e => e.Parameters["chat_id"]?.ToString() == TwoPlatformHost.TelegramChannel)
            .Parameters["reply_markup"]?["inline_keyboard"]?[0]?[0]?["switch_inline_query"];
        Assert.False(string.IsNullOrEmpty(share), "the channel post's edit keeps its Share button");
        Assert.Null(Assert.Single(edits, e => e.Parameters["chat_id"]?.ToString() != TwoPlatformHost.TelegramChannel).Parameters["reply_markup"]);
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.update" && c.Error is null);
        var queued = await host.Get<NoteStore>().QueuedAsync(CancellationToken.None);
        Assert.Equal([2L, 3L], queued.Select(n => n.Id));
        Assert.Equal("상태 공간 모델을 다시 봅니다.", queued[0].Note.Commentary);
        Assert.Single(await host.Get<NoteStore>().SearchAsync("분할의", includeQueued: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_the_platforms_will_not_delete_is_edited_to_say_so_in_the_chat_language_and_the_rest_are_deleted()
    {
        await using var host = await CuratingHost.StartAsync(language: "ko");
        var (_, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요.", "상태 공간 모델입니다."));
        host.Telegram.RefuseDeletesOf(TwoPlatformHost.TelegramChannel, 1);
        host.Slack.RefuseDeletesOf(slackTs);

        var withdraw = await ProgramProcess.RunAsync(host.Folder, "withdraw", "1", "--db", host.DatabasePath);

        Assert.Equal(0, withdraw.ExitCode);
        const string Placeholder = "큐레이터가 이 노트를 거두어들였습니다.";
        await Eventually.TrueAsync(
            () => host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1) == Placeholder
                && host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1) is null
                && host.Slack.CurrentText(slackTs) == $"[{{\"type\":\"section\",\"text\":{{\"type\":\"plain_text\",\"text\":\"{Placeholder}\"}}}}]\n{Placeholder}",
            "the undeletable copies edited, the subscriber's deleted",
            TimeSpan.FromSeconds(60));
        // The fake shows a change just before it logs the call.
        await Eventually.TrueAsync(() => host.Telegram.Calls.Any(c => c.Method == "editMessageText" && c.StatusCode == 200), "the placeholder's edit logged");
        var placeholderEdit = Assert.Single(host.Telegram.Calls, c => c.Method == "editMessageText" && c.StatusCode == 200);
        Assert.Null(placeholderEdit.Parameters["reply_markup"]);
        // The fakes show the placeholder as soon as they take the edit; the bot records why it edited once their
        // answers are back, so the history is waited for too (read at once, it raced the record under load).
        var history = await HistoryOnceAsync(
            host,
            h => h.Contains("Slack would not delete it", StringComparison.Ordinal) && h.Contains("Telegram would not delete it", StringComparison.Ordinal),
            "the history to say why each copy was edited, not deleted");
        Assert.Contains("Slack would not delete it (cant_delete_message)", history, StringComparison.Ordinal);
        Assert.Contains("Telegram would not delete it (Bad Request: message can't be deleted for everyone)", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_a_posted_note_deletes_it_in_the_channel_on_Slack_and_for_a_subscriber_and_hides_it_from_lookups()
    {
        await using var host = await CuratingHost.StartAsync();
        var (file, slackTs) = await CuratingHost.ImportAndPostFirstAsync(host, CuratingHost.Digest("SAM 2가 나왔군요. 비디오 분할의 확장입니다.", "상태 공간 모델입니다."));
        Assert.NotNull(host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1));

        var withdraw = await ProgramProcess.RunAsync(host.Folder, "withdraw", "1", "--db", host.DatabasePath);

        Assert.Equal(0, withdraw.ExitCode);
        Assert.Contains("“SAM 2: Segment Anything in Images and Videos” (note 1) is withdrawn: 3 posted messages will be deleted", withdraw.Output, StringComparison.Ordinal);
        await Eventually.TrueAsync(
            () => host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1) is null
                && host.Telegram.CurrentText(CuratingHost.SubscriberChat, 1) is null
                && host.Slack.CurrentText(slackTs) is null,
            "every posted copy deleted",
            TimeSpan.FromSeconds(60));
        await CuratingHost.EveryChangeRecordedSentAsync(host, 3);
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "deleteMessage" && c.StatusCode == 200));
        Assert.Single(host.Slack.Calls, c => c.Method == "chat.delete" && c.Error is null);
        var reader = new ChatMessage(ChatPlatform.Telegram, "555", "555", "", FromCurator: false);
        var tag = await host.Get<ChatCommandHandler>().HandleAsync(reader with { Text = "/tag video_segmentation" }, CancellationToken.None);
        var search = await host.Get<ChatCommandHandler>().HandleAsync(reader with { Text = "/search 비디오" }, CancellationToken.None);
        Assert.True(tag!.NotFound);
        Assert.True(search!.NotFound);

        // The fakes forget a message as soon as they take its deletion; the bot records it sent once their answers are back.
        var channelDeleted = $"{DestinationKey.Channel(DestinationKey.Telegram, TwoPlatformHost.TelegramChannel)}: withdraw of part 1 (message 1): sent";
        var history = await HistoryOnceAsync(host, h => h.Contains(channelDeleted, StringComparison.Ordinal), "the channel's deletion recorded as sent");
        var unknown = new StringWriter();
        Assert.Equal(1, await Verbs.RunAsync(CuratingHost.Cli("history", "99"), host.App.Services, TextWriter.Null, unknown, CancellationToken.None));
        Assert.StartsWith("Note 1: “SAM 2: Segment Anything in Images and Videos” from ", history, StringComparison.Ordinal);
        Assert.Contains(", withdrawn\n", history, StringComparison.Ordinal);
        Assert.Contains("cli: withdrawn\n", history, StringComparison.Ordinal);
        Assert.Equal("There is no note 99. queue lists the queued notes with their ids.", unknown.ToString().Trim());

        var again = await ProgramProcess.RunAsync(host.Folder, "import", file, "--db", host.DatabasePath);
        Assert.Contains("note 1 (“SAM 2: Segment Anything in Images and Videos”) was withdrawn by a curator and stays so; requeue 1 puts it back", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commentary_that_grows_a_one_message_note_to_two_sends_the_second_part_as_a_reply_to_the_first()
    {
        await using var host = await CuratingHost.StartAsync();
        var stored = await host.QueueAsync(NoteFactory.Paper("비디오 분할", "2407.00714", ["video-segmentation"], "짧은 해설입니다."));
        await host.Get<Publisher>().PublishNextAsync(1, CancellationToken.None);
        var longer = string.Join("\n\n", Enumerable.Range(1, 60).Select(i => $"{i}번째 문단: 이 논문은 비디오에서 물체를 분할하는 모델을 제안하고, 메모리 모듈로 프레임 사이의 정보를 전달합니다."));

        var outcome = await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("비디오 분할", "2407.00714", ["video-segmentation"], longer)], CancellationToken.None);

        await Eventually.TrueAsync(
            () => host.Telegram.SentMessages.Count(m => m.ChatId == TwoPlatformHost.TelegramChannel) == 2,
            "the second part in the channel",
            TimeSpan.FromSeconds(60));
        var channel = DestinationKey.Channel(DestinationKey.Telegram, TwoPlatformHost.TelegramChannel).ToString();
        // The fake answers before the lane records the new part's id: wait for the record, not only the message.
        await Eventually.TrueAsync(
            async () => (await host.Get<DeliveryStore>().FindAsync(stored[0].Id, channel, CancellationToken.None))?.MessageIds.Count == 2,
            "the second part's id recorded",
            TimeSpan.FromSeconds(60));
        var delivery = await host.Get<DeliveryStore>().FindAsync(stored[0].Id, channel, CancellationToken.None);
        Assert.Single(outcome.Updated);
        var second = host.Telegram.SentMessages.Where(m => m.ChatId == TwoPlatformHost.TelegramChannel).Last();
        Assert.Equal(1, second.ReplyToMessageId);
        Assert.Equal(["1", "2"], delivery!.MessageIds);
        Assert.Contains("60번째 문단", second.Text, StringComparison.Ordinal);
        Assert.Contains("1번째 문단", host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("짧은 해설", host.Telegram.CurrentText(TwoPlatformHost.TelegramChannel, 1), StringComparison.Ordinal);
    }

    /// <summary>Note 1's <c>history</c> once <paramref name="done"/> holds for it.</summary>
    private static async Task<string> HistoryOnceAsync(TwoPlatformHost host, Func<string, bool> done, string waitingFor)
    {
        var history = "";
        await Eventually.TrueAsync(
            async () =>
            {
                var written = new StringWriter();
                Assert.Equal(0, await Verbs.RunAsync(CuratingHost.Cli("history", "1"), host.App.Services, written, TextWriter.Null, CancellationToken.None));
                history = written.ToString();
                return done(history);
            },
            waitingFor,
            TimeSpan.FromSeconds(60));
        return history;
    }
}
