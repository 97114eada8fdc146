using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Chat;
using DigestBot.Platforms.Slack;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// ▲ ▼ Next Withdraw under a curator's <c>/queue</c> on Slack: in the ephemeral answer (pressed through
/// <c>/slack/interactivity</c>, signed, and Socket Mode, answered through <c>response_url</c>) and in the App Home.
/// </summary>
public sealed class SlackQueueButtonsTests
{
    private static readonly string[] Titles = ["비디오 분할 모델 SAM 2", "한국어 거대 언어 모델 평가", "확산 모델의 스케일링 법칙"];

    [Fact]
    public async Task Down_under_the_slash_command_s_answer_moves_the_note_and_replaces_the_answer()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var ids = await ImportAsync(host);

        var listing = await QueueCommandAsync(host, fake);
        var buttons = Buttons(listing);
        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.MoveDownAction, Value(buttons, 0, SlackQueueButtons.MoveDownAction), fake.ResponseUrl("down")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Any(p => p.Url.AbsolutePath == "/hooks/down"));
        var answer = fake.ResponseUrlPosts.Single(p => p.Url.AbsolutePath == "/hooks/down").Body;

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal(3, buttons.Count);
        Assert.Equal(
            [("▲ 1", "queue_move_up"), ("▼ 1", "queue_move_down"), ("Next 1", "queue_next"), ("Withdraw 1", "queue_withdraw")],
            buttons[0].Select(b => ((string)b["text"]!["text"]!, (string)b["action_id"]!)));
        Assert.StartsWith($"{ids[0]}:", Value(buttons, 0, SlackQueueButtons.MoveDownAction), StringComparison.Ordinal);
        Assert.Equal(true, (bool?)answer["replace_original"]);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.Equal($"Moved “{Titles[0]}” down to 2.", Notice(answer));
        Assert.Equal([ids[1], ids[0], ids[2]], await QueueAsync(host));
        Assert.StartsWith($"1. *{Titles[1]}*", FirstNote(answer), StringComparison.Ordinal);
        Assert.StartsWith($"{ids[1]}:", Value(Buttons(answer), 0, SlackQueueButtons.MoveUpAction), StringComparison.Ordinal);
        Assert.Empty(SlackBlockKitChecker.Problems(WithoutUnfurling(listing)));
        Assert.Empty(SlackBlockKitChecker.Problems(WithoutUnfurling(answer)));
    }

    [Fact]
    public async Task Withdraw_asks_first_naming_the_note_in_Chat_Language_and_only_Withdraw_does()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Chat:Language"] = "ko" });
        var ids = await ImportAsync(host);

        var buttons = Buttons(await QueueCommandAsync(host, fake));

        var confirm = buttons[1].Single(b => (string?)b["action_id"] == SlackQueueButtons.WithdrawAction)["confirm"]!;
        Assert.Equal("danger", (string?)confirm["style"]);
        Assert.Equal(("plain_text", "이 노트를 철회할까요?"), ((string)confirm["title"]!["type"]!, (string)confirm["title"]!["text"]!));
        Assert.Equal($"“{Titles[1]}”(노트 {ids[1]})을 대기열에서 뺍니다. /requeue {ids[1]}로 끝에 다시 넣을 수 있어요.", (string?)confirm["text"]!["text"]);
        Assert.Equal("철회", (string?)confirm["confirm"]!["text"]);
        Assert.Equal("그대로 두기", (string?)confirm["deny"]!["text"]);
        Assert.All(buttons.SelectMany(row => row).Where(b => (string?)b["action_id"] != SlackQueueButtons.WithdrawAction), b => Assert.Null(b["confirm"]));
    }

    [Fact]
    public async Task A_forged_press_is_refused_with_401_and_a_stranger_s_press_gets_one_sentence_and_nothing_changes()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var ids = await ImportAsync(host);
        var listing = await QueueCommandAsync(host, fake);
        var withdraw = Value(Buttons(listing), 0, SlackQueueButtons.WithdrawAction);

        using var forged = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.WithdrawAction, withdraw, fake.ResponseUrl("forged")), secret: "not-the-signing-secret");
        using var stranger = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackQueueButtons.WithdrawAction, withdraw, fake.ResponseUrl("stranger")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Any(p => p.Url.AbsolutePath == "/hooks/stranger"));
        await Eventually.TrueAsync(() => host.Get<SlackBackgroundWork>().Unfinished == 0, "the stranger's press to be handled");
        var refusal = fake.ResponseUrlPosts.Single(p => p.Url.AbsolutePath == "/hooks/stranger").Body;

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        Assert.DoesNotContain(fake.ResponseUrlPosts, p => p.Url.AbsolutePath == "/hooks/forged");
        Assert.Equal("Sorry, only the channel's curators can change the queue; nothing changed.", (string?)refusal["text"]);
        Assert.Equal(false, (bool?)refusal["replace_original"]);
        Assert.Null(refusal["blocks"]);
        Assert.Equal(ids, await QueueAsync(host));
        Assert.False(await host.Get<NoteStore>().IsWithdrawnAsync(ids[0], CancellationToken.None));
        Assert.Empty(await host.Get<NoteCuration>().ChangesAsync(ids[0], CancellationToken.None));
    }

    [Fact]
    public async Task A_press_on_an_out_of_date_answer_shows_the_queue_as_it_is_and_moves_nothing()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var ids = await ImportAsync(host);
        var listing = await QueueCommandAsync(host, fake);
        await host.Get<CuratingCommands>().NextAsync(ids[2].ToString(System.Globalization.CultureInfo.InvariantCulture), CuratingCommands.CommandLine, CancellationToken.None);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.NextAction, Value(Buttons(listing), 1, SlackQueueButtons.NextAction), fake.ResponseUrl("stale")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Any(p => p.Url.AbsolutePath == "/hooks/stale"));
        var answer = fake.ResponseUrlPosts.Single(p => p.Url.AbsolutePath == "/hooks/stale").Body;

        Assert.Equal("The queue changed since this list was shown, so nothing was done; here is the queue as it is now.", Notice(answer));
        Assert.Equal(true, (bool?)answer["replace_original"]);
        Assert.StartsWith($"1. *{Titles[2]}*", FirstNote(answer), StringComparison.Ordinal);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueueAsync(host));
        Assert.Empty(await host.Get<NoteCuration>().ChangesAsync(ids[1], CancellationToken.None));
    }

    [Fact]
    public async Task Over_Socket_Mode_Withdraw_takes_the_note_out_and_replaces_the_answer()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode(("Chat:Language", "ko")));
        var ids = await ImportAsync(host);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);
        var version = QueueListingVersion.Of(ids);

        await fake.SendAsync(FakeSlackServer.InteractiveEnvelope("env-queue", SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.WithdrawAction, $"{ids[1]}:{version}", fake.ResponseUrl("withdraw"))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.ResponseUrlPosts.Count == 1);
        var answer = fake.ResponseUrlPosts[0].Body;

        Assert.Equal("env-queue", (string?)fake.Acks[0]["envelope_id"]);
        Assert.Equal($"“{Titles[1]}”을 대기열에서 뺐어요. /requeue {ids[1]}로 끝에 다시 넣을 수 있어요.", Notice(answer));
        Assert.True(await host.Get<NoteStore>().IsWithdrawnAsync(ids[1], CancellationToken.None));
        Assert.Equal([ids[0], ids[2]], await QueueAsync(host));
        Assert.DoesNotContain(Titles[1], new JsonArray([.. answer["blocks"]!.AsArray().Skip(1).Select(b => b!.DeepClone())]).ToJsonString(Relaxed), StringComparison.Ordinal);
        Assert.Contains(Titles[2], answer["blocks"]!.ToJsonString(Relaxed), StringComparison.Ordinal);
        Assert.Equal(["▲ 2", "▼ 2", "다음 2", "철회 2"], Buttons(answer)[1].Select(b => (string)b["text"]!["text"]!));
    }

    [Fact]
    public async Task In_a_curator_s_App_Home_a_press_acts_and_publishes_the_Home_again_with_what_was_done()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var ids = await ImportAsync(host);

        using var opened = await host.EventAsync("Ev0QUEUE01", HomeOpened(SlackBotHost.Curator));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);
        var home = fake.PublishedViews[0].View;
        var homeButtons = Buttons(home);
        using var next = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.NextAction, Value(homeButtons, 2, SlackQueueButtons.NextAction), responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 2);
        var (user, again) = fake.PublishedViews[1];
        using var up = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, SlackQueueButtons.MoveUpAction, Value(Buttons(again), 0, SlackQueueButtons.MoveUpAction), responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 3);

        Assert.Equal(3, homeButtons.Count);
        Assert.Empty(FakeSlackServer.ViewProblems(new JsonObject { ["user_id"] = SlackBotHost.Curator, ["view"] = home.DeepClone() }));
        Assert.Equal(SlackBotHost.Curator, user);
        Assert.Empty(FakeSlackServer.ViewProblems(new JsonObject { ["user_id"] = user, ["view"] = again.DeepClone() }));
        Assert.Contains($"“{Titles[2]}” goes out next.", again.ToJsonString(Relaxed), StringComparison.Ordinal);
        Assert.DoesNotContain("/queue shows its slot", again.ToJsonString(Relaxed), StringComparison.Ordinal);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueueAsync(host));
        Assert.StartsWith($"{ids[2]}:", Value(Buttons(again), 0, SlackQueueButtons.MoveUpAction), StringComparison.Ordinal);
        Assert.Contains($"“{Titles[2]}” (note {ids[2]}) is first in the queue already.", fake.PublishedViews[2].View.ToJsonString(Relaxed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_s_press_in_their_Home_changes_nothing_and_their_Home_shows_no_queue()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var ids = await ImportAsync(host);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, SlackQueueButtons.NextAction, $"{ids[2]}:{QueueListingVersion.Of(ids)}", responseUrl: null, channel: null));
        await fake.WaitUntilAsync(f => f.PublishedViews.Count == 1);
        var text = fake.PublishedViews[0].View.ToJsonString(Relaxed);

        Assert.Equal(SlackBotHost.Stranger, fake.PublishedViews[0].UserId);
        Assert.Contains("Sorry, only the channel's curators can change the queue; nothing changed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Titles[2], text, StringComparison.Ordinal);
        Assert.Equal(ids, await QueueAsync(host));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An answer as the checker takes a post: answers cannot unfurl, posts must say so.</summary>
    private static string WithoutUnfurling(JsonObject answer)
    {
        var copy = answer.DeepClone().AsObject();
        copy["unfurl_links"] = false;
        return copy.ToJsonString();
    }

    private static async Task<long[]> ImportAsync(SlackBotHost host)
    {
        var outcome = await host.Get<NoteStore>().ImportAsync([.. Titles.Select((t, i) => NoteFactory.Paper(t, $"2408.0072{i}", ["비디오-분할"]))], CancellationToken.None);
        return [.. outcome.Queued.Select(n => n.Id)];
    }

    private static async Task<long[]> QueueAsync(SlackBotHost host) =>
        [.. (await host.Get<NoteStore>().QueuedIdsAsync(CancellationToken.None)).Select(q => q.Id)];

    /// <summary>The curator's <c>/queue</c>: answered at once, or, on a busy machine, through <c>response_url</c>.</summary>
    private static async Task<JsonObject> QueueCommandAsync(SlackBotHost host, FakeSlackServer fake)
    {
        using var response = await host.CommandAsync("/queue", "", SlackBotHost.Curator, fake.ResponseUrl("queue"));
        var body = await response.Content.ReadAsStringAsync();
        if (body.Length > 0)
        {
            return JsonNode.Parse(body)!.AsObject();
        }

        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Any(p => p.Url.AbsolutePath == "/hooks/queue"));
        return fake.ResponseUrlPosts.First(p => p.Url.AbsolutePath == "/hooks/queue").Body;
    }

    /// <summary>The queue buttons, one list per note: every actions block whose buttons are the queue's.</summary>
    private static List<List<JsonObject>> Buttons(JsonObject message) =>
        [.. message["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .Select(b => b!["elements"]!.AsArray().Select(e => e!.AsObject()).ToList())
            .Where(row => row.All(e => ((string)e["action_id"]!).StartsWith("queue_", StringComparison.Ordinal)))];

    private static string Value(List<List<JsonObject>> buttons, int note, string actionId) =>
        (string)buttons[note].Single(b => (string?)b["action_id"] == actionId)["value"]!;

    /// <summary>The sentence about the press, above the answer.</summary>
    private static string? Notice(JsonObject answer) =>
        (string?)answer["blocks"]![0]!["elements"]?[0]?["text"];

    private static string FirstNote(JsonObject answer) =>
        answer["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "section")
            .Select(b => (string)b!["text"]!["text"]!)
            .First(text => text.StartsWith("1. ", StringComparison.Ordinal));

    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D0DIRECT01",
        ["tab"] = "home",
        ["event_ts"] = "1772352000.000700",
    };
}
