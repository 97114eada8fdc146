using System.Text;
using System.Text.Json.Nodes;
using DigestBot.Chat;
using DigestBot.Platforms.Telegram;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>▲ ▼ Next Withdraw under a curator's <c>/queue</c>, pressed through the real host and the fake Telegram.</summary>
public sealed class TelegramQueueButtonsTests : IAsyncLifetime
{
    private static readonly string[] Titles = ["비디오 분할 모델 SAM 2", "한국어 거대 언어 모델 평가", "확산 모델의 스케일링 법칙"];

    private TelegramChatHost host = null!;
    private long[] ids = [];
    private int presses;

    public async Task InitializeAsync()
    {
        host = await TelegramChatHost.StartAsync();
        var queued = await host.QueueAsync([.. Titles.Select((t, i) => NoteFactory.Paper(t, $"2408.0071{i}", ["비디오-분할"]))]);
        ids = [.. queued.Select(n => n.Id)];
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Down_moves_the_note_one_place_later_and_edits_the_listing_in_place()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var rows = Rows(shown.Parameters);

        var (answer, edit) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), rows[0][1].Data);

        Assert.Equal(3, rows.Count);
        Assert.Equal(["▲ 1", "▼ 1", "Next 1", "Withdraw 1"], rows[0].Select(b => b.Text));
        Assert.Equal(["▲ 3", "▼ 3", "Next 3", "Withdraw 3"], rows[2].Select(b => b.Text));
        Assert.All(rows.SelectMany(r => r), b => Assert.InRange(Encoding.UTF8.GetByteCount(b.Data), 1, 64));
        Assert.StartsWith($"q:d:{ids[0]}:", rows[0][1].Data, StringComparison.Ordinal);
        Assert.Equal($"Moved “{Titles[0]}” down to 2.", answer.Text);
        Assert.NotNull(edit);
        Assert.Equal(TelegramChatHost.AnswerId(shown), (int)edit.Parameters["message_id"]!);
        Assert.StartsWith("<b>3 notes queued; next slot ", edit.Text, StringComparison.Ordinal);
        Assert.Contains($"1. <b>{Titles[1]}</b>", edit.Text, StringComparison.Ordinal);
        Assert.Contains($"2. <b>{Titles[0]}</b>", edit.Text, StringComparison.Ordinal);
        Assert.Empty(TelegramHtmlValidator.Problems(edit.Text!));
        Assert.Equal([ids[1], ids[0], ids[2]], await QueueAsync());
        var after = Rows(edit.Parameters);
        Assert.StartsWith($"q:u:{ids[1]}:", after[0][0].Data, StringComparison.Ordinal);
        Assert.NotEqual(rows[0][0].Data.Split(':')[3], after[0][0].Data.Split(':')[3]);
    }

    [Fact]
    public async Task Next_puts_the_note_first_and_Withdraw_takes_it_out_of_the_queue()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var messageId = TelegramChatHost.AnswerId(shown);

        var (next, afterNext) = await PressAsync(TelegramChatHost.Curator, messageId, Rows(shown.Parameters)[2][2].Data, "ko");
        var order = await QueueAsync();
        var (withdrawn, afterWithdraw) = await PressAsync(TelegramChatHost.Curator, messageId, Rows(afterNext!.Parameters)[1][3].Data, "ko");

        Assert.Equal([ids[2], ids[0], ids[1]], order);
        Assert.Equal($"“{Titles[2]}”은 다음 차례에 게시돼요.", next.Text);
        Assert.Contains($"1. <b>{Titles[2]}</b>", afterNext.Text, StringComparison.Ordinal);
        Assert.Equal($"“{Titles[0]}”을 대기열에서 뺐어요. /requeue {ids[0]}로 끝에 다시 넣을 수 있어요.", withdrawn.Text);
        Assert.True(await host.Services.GetRequiredService<NoteStore>().IsWithdrawnAsync(ids[0], default));
        Assert.Equal([ids[2], ids[1]], await QueueAsync());
        Assert.StartsWith("<b>노트 2개 대기 중", afterWithdraw!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Titles[0], afterWithdraw.Text, StringComparison.Ordinal);
        Assert.Equal(["▲ 2", "▼ 2", "다음 2", "철회 2"], Rows(afterWithdraw.Parameters)[1].Select(b => b.Text));
    }

    [Fact]
    public async Task A_reader_pressing_a_forwarded_listing_is_refused_and_nothing_changes()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var withdraw = Rows(shown.Parameters)[0][3].Data;

        var (refused, edit) = await PressAsync(TelegramChatHost.Reader, 1, withdraw, "ko", chatId: TelegramChatHost.Reader);
        var (inCuratorsChat, editThere) = await PressAsync(TelegramChatHost.Reader, TelegramChatHost.AnswerId(shown), withdraw);

        Assert.Equal("죄송해요, 대기열은 채널 큐레이터만 바꿀 수 있어요. 아무것도 바뀌지 않았어요.", refused.Text);
        Assert.Equal("Sorry, only the channel's curators can change the queue; nothing changed.", inCuratorsChat.Text);
        Assert.Null(edit);
        Assert.Null(editThere);
        Assert.DoesNotContain(host.Telegram.Calls, c => c.Method == "editMessageText");
        Assert.Equal(ids, await QueueAsync());
        Assert.False(await host.Services.GetRequiredService<NoteStore>().IsWithdrawnAsync(ids[0], default));
        Assert.Empty(await host.Services.GetRequiredService<NoteCuration>().ChangesAsync(ids[0], default));
    }

    [Fact]
    public async Task A_press_on_a_listing_the_queue_has_moved_on_from_shows_the_queue_as_it_is_and_does_nothing()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        await host.SendAsync(TelegramChatHost.Curator, $"/next {ids[2]}", TelegramChatHost.Curator);

        var (stale, edit) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), Rows(shown.Parameters)[0][1].Data);

        Assert.Equal("The queue changed since this list was shown, so nothing was done; here is the queue as it is now.", stale.Text);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueueAsync());
        Assert.NotNull(edit);
        Assert.Contains($"1. <b>{Titles[2]}</b>", edit.Text, StringComparison.Ordinal);
        Assert.Contains($"2. <b>{Titles[0]}</b>", edit.Text, StringComparison.Ordinal);
        Assert.StartsWith($"q:u:{ids[2]}:", Rows(edit.Parameters)[0][0].Data, StringComparison.Ordinal);
        Assert.Single(await host.Services.GetRequiredService<NoteCuration>().ChangesAsync(ids[2], default));
        Assert.Empty(await host.Services.GetRequiredService<NoteCuration>().ChangesAsync(ids[0], default));
    }

    [Fact]
    public async Task Up_on_the_first_Down_on_the_last_and_an_unknown_note_each_get_one_sentence_and_change_nothing()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var rows = Rows(shown.Parameters);
        var messageId = TelegramChatHost.AnswerId(shown);
        var version = rows[0][0].Data.Split(':')[3];

        var (first, _) = await PressAsync(TelegramChatHost.Curator, messageId, rows[0][0].Data, "ko");
        var (firstNext, _) = await PressAsync(TelegramChatHost.Curator, messageId, rows[0][2].Data);
        var (last, _) = await PressAsync(TelegramChatHost.Curator, messageId, rows[2][1].Data);
        var (unknown, _) = await PressAsync(TelegramChatHost.Curator, messageId, $"q:w:999:{version}");
        var (garbled, _) = await PressAsync(TelegramChatHost.Curator, messageId, $"q:x:{ids[0]}:{version}");

        Assert.Equal($"“{Titles[0]}”(노트 {ids[0]})은 이미 대기열 맨 앞이에요.", first.Text);
        Assert.Equal($"“{Titles[0]}” (note {ids[0]}) is first in the queue already.", firstNext.Text);
        Assert.Equal($"“{Titles[2]}” (note {ids[2]}) is last in the queue already.", last.Text);
        Assert.Equal("There is no note 999.", unknown.Text);
        Assert.Equal("This button no longer works; send the command again.", garbled.Text);
        Assert.Equal(ids, await QueueAsync());
        Assert.DoesNotContain(host.Telegram.Calls, c => c.Method == "editMessageText" && c.StatusCode == 200);
        foreach (var id in ids)
        {
            Assert.Empty(await host.Services.GetRequiredService<NoteCuration>().ChangesAsync(id, default));
        }
    }

    [Fact]
    public async Task A_withdrawn_note_s_button_says_so_once_the_listing_is_up_to_date()
    {
        await host.SendAsync(TelegramChatHost.Curator, $"/withdraw {ids[1]}", TelegramChatHost.Curator);
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var version = Rows(shown.Parameters)[0][0].Data.Split(':')[3];

        var (again, _) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), $"q:w:{ids[1]}:{version}");

        Assert.Equal($"“{Titles[1]}” (note {ids[1]}) is withdrawn already; /requeue {ids[1]} puts it back in the queue.", again.Text);
        Assert.Equal([ids[0], ids[2]], await QueueAsync());
    }

    [Fact]
    public async Task When_Telegram_will_not_edit_the_listing_the_press_is_answered_and_the_queue_comes_as_a_new_message()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var sentBefore = host.MessagesTo(TelegramChatHost.Curator).Count;
        host.Telegram.FailNextEdits(1, FakeTelegramFailure.MessageCantBeEdited);

        var (answer, edit) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), Rows(shown.Parameters)[0][1].Data, "ko");

        Assert.Equal($"“{Titles[0]}”을 2번째로 내렸어요.", answer.Text);
        Assert.Null(edit);
        Assert.Contains(host.Telegram.Calls, c => c.Method == "editMessageText" && c.StatusCode == 400);
        Assert.Equal([ids[1], ids[0], ids[2]], await QueueAsync());
        var fresh = Assert.Single(host.MessagesTo(TelegramChatHost.Curator).Skip(sentBefore));
        Assert.Equal(200, fresh.StatusCode);
        Assert.Null(fresh.ReplyToMessageId);
        Assert.StartsWith("<b>노트 3개 대기 중", fresh.Text, StringComparison.Ordinal);
        Assert.Contains($"1. <b>{Titles[1]}</b>", fresh.Text, StringComparison.Ordinal);
        Assert.Contains($"2. <b>{Titles[0]}</b>", fresh.Text, StringComparison.Ordinal);
        Assert.StartsWith($"q:u:{ids[1]}:", Rows(fresh.Parameters)[0][0].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_on_the_edit_is_waited_out_and_the_listing_edited_while_move_keeps_its_own_sentence()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var sentBefore = host.MessagesTo(TelegramChatHost.Curator).Count;
        host.Telegram.FailNextEdits(1, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 1);

        var (answer, edit) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), Rows(shown.Parameters)[1][0].Data);
        var sentAfterPress = host.MessagesTo(TelegramChatHost.Curator).Count;
        var moved = await host.SendAsync(TelegramChatHost.Curator, $"/move {ids[1]} 3", TelegramChatHost.Curator);

        Assert.Equal($"Moved “{Titles[1]}” up to 1.", answer.Text);
        Assert.Contains(host.Telegram.Calls, c => c.Method == "editMessageText" && c.StatusCode == 429);
        Assert.NotNull(edit);
        Assert.Contains($"1. <b>{Titles[1]}</b>", edit.Text, StringComparison.Ordinal);
        Assert.Equal(sentBefore, sentAfterPress);
        Assert.Contains($"“{Titles[1]}” (note {ids[1]}) is now number 3 in the queue; /queue shows its slot.", moved.Text, StringComparison.Ordinal);
        Assert.Equal([ids[0], ids[2], ids[1]], await QueueAsync());
    }

    [Fact]
    public async Task When_Telegram_keeps_refusing_the_edit_the_press_is_still_answered_with_what_it_did()
    {
        var shown = await host.SendAsync(TelegramChatHost.Curator, "/queue", TelegramChatHost.Curator);
        var sentBefore = host.MessagesTo(TelegramChatHost.Curator).Count;
        host.Telegram.FailNextEdits(2, FakeTelegramFailure.TooManyRequests, retryAfterSeconds: 1);

        var (answer, edit) = await PressAsync(TelegramChatHost.Curator, TelegramChatHost.AnswerId(shown), Rows(shown.Parameters)[2][2].Data);

        Assert.Equal($"“{Titles[2]}” goes out next.", answer.Text);
        Assert.Null(edit);
        Assert.Equal(2, host.Telegram.Calls.Count(c => c.Method == "editMessageText" && c.StatusCode == 429));
        Assert.Equal(sentBefore, host.MessagesTo(TelegramChatHost.Curator).Count);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueueAsync());
    }

    /// <summary>Presses the button; returns the callback's answer and the edit it made, if any.</summary>
    private async Task<(FakeTelegramCall Answer, FakeTelegramCall? Edit)> PressAsync(long from, int messageId, string data, string? languageCode = null, long chatId = TelegramChatHost.Curator)
    {
        var id = $"cbq-{++presses}";
        var editsBefore = host.Telegram.Calls.Count(c => c.Method == "editMessageText");
        host.Telegram.EnqueueUpdate(TelegramUpdates.CallbackQuery(id, from, chatId, messageId, data, languageCode));
        await host.Until(() => host.Telegram.Calls.Any(c => c.Method == "answerCallbackQuery" && (string?)c.Parameters["callback_query_id"] == id), $"the answer to {id}");
        var answer = host.Telegram.Calls.Single(c => c.Method == "answerCallbackQuery" && (string?)c.Parameters["callback_query_id"] == id);
        // The edit comes before the answer, which is given last whatever happens.
        var edit = host.Telegram.Calls.Where(c => c.Method == "editMessageText").Skip(editsBefore).SingleOrDefault(c => c.StatusCode == 200);
        return (answer, edit);
    }

    private async Task<long[]> QueueAsync() =>
        [.. (await host.Services.GetRequiredService<NoteStore>().QueuedIdsAsync(default)).Select(q => q.Id)];

    private static List<List<(string Text, string Data)>> Rows(JsonObject parameters) =>
        [.. parameters["reply_markup"]!["inline_keyboard"]!.AsArray()
            .Select(row => row!.AsArray().Select(b => ((string)b!["text"]!, (string)b!["callback_data"]!)).ToList())];
}
