using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Notes;
using DigestBot.Platforms.Slack;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Formatting;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The real host's <c>/slack/commands</c> and <c>/slack/events</c>, signed as Slack signs them, answering through the fake Slack.</summary>
public sealed class SlackHttpEndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Url_verification_is_answered_with_the_challenge()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var response = await host.PostSignedAsync("/slack/events", """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_tag_slash_command_is_answered_ephemerally_in_the_response_with_links_to_the_Slack_post_and_the_paper()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<NoteStore>().ImportAsync(SampleDigest.Notes(), CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(6, CancellationToken.None);
        var samPost = fake.Posts.Single(p => ((string?)p.Body["text"])!.StartsWith("SAM 2", StringComparison.Ordinal));

        var clock = Stopwatch.StartNew();
        using var response = await host.CommandAsync("/tag", "video-segmentation");
        var body = await response.Content.ReadAsStringAsync();
        output.WriteLine($"/tag answered in {clock.ElapsedMilliseconds} ms: {body}");
        using var viaDigest = await host.CommandAsync("/digest", "tag Video_Segmentation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var answer = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.Equal("#video-segmentation: 1 note", (string?)answer["text"]);
        var listing = (string)answer["blocks"]![1]!["text"]!["text"]!;
        Assert.StartsWith($"1. *<https://digest-fake.slack.com/archives/{FakeSlackServer.Channel}/p{samPost.Ts!.Replace(".", "")}|SAM 2: Segment Anything in Images and Videos>*", listing);
        Assert.Contains("<https://ai.meta.com/blog/segment-anything-2|ai.meta.com/blog/segment-anything-2>", listing);
        Assert.Empty(SlackBlockKitChecker.Problems(WithUnfurl(answer)));
        Assert.Equal(body, await viaDigest.Content.ReadAsStringAsync());
        Assert.Empty(fake.ResponseUrlPosts);
    }

    [Fact]
    public async Task With_Chat_Language_ko_a_slash_command_is_answered_in_Korean()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Chat:Language"] = "ko" });
        await host.Get<NoteStore>().ImportAsync(SampleDigest.Notes(), CancellationToken.None);
        await host.Get<Publisher>().PublishNextAsync(6, CancellationToken.None);

        using var response = await host.CommandAsync("/tag", "video-segmentaton");
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal("#video-segmentaton 태그가 붙은 노트가 없어요.", (string?)answer["text"]);
        Assert.Contains("비슷한 태그: #video-segmentation", answer.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_answers_and_queue_is_for_curators_only()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        await host.Get<NoteStore>().ImportAsync([NoteFactory.Paper("Queued paper", "2408.00010", ["llm"])], CancellationToken.None);

        var answers = new Dictionary<string, JsonObject>();
        foreach (var (command, text, user) in new[]
        {
            ("/tags", "", SlackBotHost.Curator), ("/search", "Queued", SlackBotHost.Curator), ("/queue", "", SlackBotHost.Curator),
            ("/help", "", SlackBotHost.Stranger), ("/queue", "", SlackBotHost.Stranger), ("/digest", "", SlackBotHost.Stranger),
        })
        {
            using var response = await host.CommandAsync(command, text, user);
            answers[$"{command} {text} {user}"] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        }

        Assert.All(answers.Values, a => Assert.Equal("ephemeral", (string?)a["response_type"]));
        Assert.All(answers.Values, a => Assert.Empty(SlackBlockKitChecker.Problems(WithUnfurl(a))));
        Assert.Equal("1 tag", (string?)answers[$"/tags  {SlackBotHost.Curator}"]["text"]);
        Assert.Equal("“Queued”: 1 note", (string?)answers[$"/search Queued {SlackBotHost.Curator}"]["text"]);
        Assert.StartsWith("1 note queued; next slot", (string?)answers[$"/queue  {SlackBotHost.Curator}"]["text"]);
        Assert.Equal("Sorry, /queue is for the channel&apos;s curators.".Replace("&apos;", "'"), (string?)answers[$"/queue  {SlackBotHost.Stranger}"]["text"]);
        Assert.Equal("DigestBot — ML paper digests", (string?)answers[$"/help  {SlackBotHost.Stranger}"]["text"]);
        Assert.Equal(answers[$"/help  {SlackBotHost.Stranger}"].ToJsonString(), answers[$"/digest  {SlackBotHost.Stranger}"].ToJsonString());
    }

    [Fact]
    public async Task A_slow_answer_is_acknowledged_empty_and_posted_to_response_url()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Slack:CommandAnswerBudget"] = "00:00:00" });

        using var response = await host.CommandAsync("/tags", "", responseUrl: fake.ResponseUrl("T0DIGEST-1-abc"));
        var body = await response.Content.ReadAsStringAsync();
        await fake.WaitUntilAsync(f => f.ResponseUrlPosts.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", body);
        var (url, answer) = fake.ResponseUrlPosts[0];
        Assert.EndsWith("/hooks/T0DIGEST-1-abc", url.ToString());
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
        Assert.Equal("No tags yet: nothing has been posted.", (string?)answer["text"]);
    }

    [Fact]
    public async Task Slack_s_certificate_check_is_answered_empty()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var response = await host.PostSignedAsync("/slack/commands", "ssl_check=1&token=x", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forged_signature_is_401_and_nothing_is_handled()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Slack:CommandAnswerBudget"] = "00:00:00" });

        using var command = await host.CommandAsync("/tags", "", responseUrl: fake.ResponseUrl(), secret: "someone-else-s-secret");
        using var mention = await host.PostSignedAsync("/slack/events", SlackBotHost.Callback("Ev0FORGED", SlackBotHost.Mention(SlackBotHost.Curator, "tags", "1772352000.000100")).ToJsonString(), "application/json", secret: "someone-else-s-secret");
        using var unsigned = await host.Http.PostAsync("/slack/commands", new StringContent("command=%2Ftags&user_id=U1", null, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.Unauthorized, command.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, mention.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        // Work is handed over before Slack is answered: nothing was, so nothing can come later.
        Assert.Equal(0, host.Get<SlackBackgroundWork>().Unfinished);
        Assert.Empty(fake.ResponseUrlPosts);
        Assert.Equal(["auth.test"], fake.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task A_body_larger_than_any_Slack_payload_is_refused_unread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var response = await host.PostSignedAsync("/slack/events", "{\"type\":\"url_verification\",\"challenge\":\"" + new string('x', 2 << 20) + "\"}", "application/json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_timestamp_is_401_even_with_a_valid_signature()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);

        using var stale = await host.CommandAsync("/tags", "", at: DateTimeOffset.UtcNow.AddMinutes(-6));
        using var fresh = await host.CommandAsync("/tags", "", at: DateTimeOffset.UtcNow.AddMinutes(-4));

        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task A_replayed_event_is_acknowledged_but_handled_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var first = SlackBotHost.Callback("Ev0REPLAY1", SlackBotHost.Mention(SlackBotHost.Stranger, "tags", "1772352000.000100")).ToJsonString();
        var other = SlackBotHost.Callback("Ev0OTHER01", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000200")).ToJsonString();

        using var original = await host.PostSignedAsync("/slack/events", first, "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 1);
        using var retry = await host.PostSignedAsync("/slack/events", first, "application/json", retryNum: 1);
        using var again = await host.PostSignedAsync("/slack/events", first, "application/json", retryNum: 2);
        using var next = await host.PostSignedAsync("/slack/events", other, "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count >= 2);
        await Eventually.TrueAsync(() => host.Get<SlackBackgroundWork>().Unfinished == 0, "the accepted events to be handled");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { original, retry, again, next }.Select(r => r.StatusCode));
        Assert.Equal(["1772352000.000100", "1772352000.000200"], fake.Posts.Select(p => p.ThreadTs));
    }

    [Fact]
    public async Task A_wrong_bot_token_stops_the_host_with_a_sentence_naming_the_setting_and_not_the_token()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => SlackBotHost.StartAsync(folder, fake, botToken: "xoxb-9999-revoked-token"));

        Assert.Contains("Slack:BotToken", e.Message);
        Assert.Contains("invalid_auth", e.Message);
        Assert.DoesNotContain("xoxb-9999", e.Message);
        Assert.Equal("xoxb-9999-revoked-token", Assert.Single(fake.Calls).Token);
    }

    private static string WithUnfurl(JsonObject answer)
    {
        var copy = answer.DeepClone().AsObject();
        copy["unfurl_links"] = false;
        return copy.ToJsonString();
    }
}
