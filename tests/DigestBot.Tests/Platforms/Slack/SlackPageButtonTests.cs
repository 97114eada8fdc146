using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Notes;
using DigestBot.Platforms.Slack;
using DigestBot.Storage;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Previous/Next on paged Slack answers, pressed through <c>/slack/interactivity</c> and Socket Mode, answered through <c>response_url</c>.</summary>
public sealed class SlackPageButtonTests
{
    private const string KoreanTag = "비디오-분할";

    [Fact]
    public async Task Next_and_Previous_replace_the_answer_with_the_other_page_of_a_Korean_tag()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await ImportAsync(host, 12);

        using var first = await host.CommandAsync("/tag", KoreanTag, SlackBotHost.Curator);
        var page1 = JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsObject();
        var next = Buttons(page1).Single();
        Assert.Equal("Next ›", (string)next["text"]!["text"]!);
        Assert.Equal($"/tag {KoreanTag} 2", (string)next["value"]!);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, "page", (string)next["value"]!, fake.ResponseUrl("next")));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);
        var page2 = fake.ResponseUrlPosts[0].Body;
        Assert.Equal(true, (bool?)page2["replace_original"]);
        Assert.Equal("ephemeral", (string?)page2["response_type"]);
        Assert.StartsWith("11. *Paper 11*", (string)page2["blocks"]![1]!["text"]!["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Paper 11", page1.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2.", page2.ToJsonString(), StringComparison.Ordinal);
        var previous = Buttons(page2).Single();
        Assert.Equal("‹ Previous", (string)previous["text"]!["text"]!);

        using var back = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, "page", (string)previous["value"]!, fake.ResponseUrl("previous")));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 2);
        var again = fake.ResponseUrlPosts[1];
        Assert.EndsWith("/hooks/previous", again.Url.ToString(), StringComparison.Ordinal);
        Assert.Equal(page1["blocks"]!.ToJsonString(), again.Body["blocks"]!.ToJsonString());
    }

    [Fact]
    public async Task A_press_runs_as_the_presser_so_a_stranger_does_not_see_queued_notes_on_a_curator_s_page()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await ImportAsync(host, 12);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Stranger, "page", $"/tag {KoreanTag} 2", fake.ResponseUrl()));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);

        var answer = fake.ResponseUrlPosts[0].Body;
        Assert.Equal($"No notes are tagged #{KoreanTag}.", (string?)answer["text"]);
        Assert.DoesNotContain("Paper", answer.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/queue 1")]
    [InlineData("/subscribe llm 2")]
    [InlineData("/tag x 2\n/queue")]
    public async Task A_made_up_button_value_runs_nothing_and_says_so(string value)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, "page", value, fake.ResponseUrl()));
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);

        Assert.Equal("This button no longer works; send the command again.", (string?)fake.ResponseUrlPosts[0].Body["text"]);
        Assert.Null(fake.ResponseUrlPosts[0].Body["replace_original"]);
        Assert.Empty(await host.Get<SubscriptionStore>().AllAsync("slack", CancellationToken.None));
    }

    [Fact]
    public async Task A_forged_or_stale_press_is_refused_with_401_and_nothing_is_done()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await ImportAsync(host, 12);
        var press = SlackBotHost.BlockActions(SlackBotHost.Curator, "page", $"/tag {KoreanTag} 2", fake.ResponseUrl());

        using var forged = await host.InteractAsync(press, secret: "not-the-signing-secret");
        using var stale = await host.InteractAsync(press, at: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var genuine = await host.InteractAsync(press);
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);
        await Eventually.TrueAsync(() => host.Get<SlackBackgroundWork>().Unfinished == 0, "the genuine press to be handled");

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Single(fake.ResponseUrlPosts);
    }

    [Fact]
    public async Task An_unknown_button_is_acknowledged_and_ignored()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var pressed = await host.InteractAsync(SlackBotHost.BlockActions(SlackBotHost.Curator, "made_up_action", "x", fake.ResponseUrl()));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.False(await host.Get<SlackInteractions>().AcceptAsync(new() { Type = "block_actions", User = new() { Id = SlackBotHost.Curator }, Actions = [new() { ActionId = "made_up_action" }] }, CancellationToken.None));
        Assert.Equal(0, host.Get<SlackBackgroundWork>().Unfinished);
        Assert.Empty(fake.ResponseUrlPosts);
    }

    [Fact]
    public async Task Over_Socket_Mode_a_press_is_acknowledged_then_answered_through_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode());
        await ImportAsync(host, 12);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendAsync(FakeSlackServer.InteractiveEnvelope("env-page", SlackBotHost.BlockActions(SlackBotHost.Curator, "page", $"/tag {KoreanTag} 2", fake.ResponseUrl())));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.ResponseUrlPosts.Count == 1);

        Assert.Equal("env-page", (string?)fake.Acks[0]["envelope_id"]);
        Assert.Null(fake.Acks[0]["payload"]);
        Assert.Equal(true, (bool?)fake.ResponseUrlPosts[0].Body["replace_original"]);
        Assert.Equal($"/tag {KoreanTag} 1", (string?)Buttons(fake.ResponseUrlPosts[0].Body).Single()["value"]);
    }

    private static async Task ImportAsync(SlackBotHost host, int count) =>
        await host.Get<NoteStore>().ImportAsync(
            Enumerable.Range(1, count).Select(i => NoteFactory.Paper($"Paper {i:D2}", $"2408.{i:D5}", [KoreanTag], date: new DateOnly(2024, 7, 1).AddDays(count - i))).ToList(),
            CancellationToken.None);

    private static List<JsonObject> Buttons(JsonObject answer) =>
        answer["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()).Select(e => e!.AsObject()).ToList();
}
