using System.Globalization;
using DigestBot.Platforms.Slack;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Publishing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The one choke point: token, <c>ok: false</c>, 429 and transport failures, over real HTTP to the fake.</summary>
public sealed class SlackApiClientTests
{
    [Fact]
    public async Task Auth_test_sends_the_bot_token_as_a_bearer_and_reads_who_it_is()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, auth, _) = Apis(fake);

        var me = await auth.TestAsync(CancellationToken.None);

        Assert.Equal((FakeSlackServer.BotUserId, "T0DIGEST", "B0DIGEST"), (me.UserId, me.TeamId, me.BotId));
        var call = Assert.Single(fake.Calls);
        Assert.Equal(FakeSlackServer.BotToken, call.Token);
        Assert.StartsWith("application/x-www-form-urlencoded", call.ContentType);
    }

    [Fact]
    public async Task Ok_false_becomes_a_typed_exception_carrying_Slack_s_error()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, auth, _) = Apis(fake, botToken: "xoxb-wrong");

        var e = await Assert.ThrowsAsync<SlackApiException>(() => auth.TestAsync(CancellationToken.None));

        Assert.Equal(("auth.test", "invalid_auth"), (e.Method, e.Error));
        Assert.True(e.IsTokenError);
        Assert.False(e.IsTransient);
        Assert.DoesNotContain("xoxb-wrong", e.Message);
    }

    [Fact]
    public async Task Apps_connections_open_uses_the_app_token_not_the_bot_token()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, _, apps) = Apis(fake);

        var opened = await apps.OpenConnectionAsync(CancellationToken.None);

        Assert.StartsWith("ws://127.0.0.1:", opened.Url);
        Assert.Equal(FakeSlackServer.AppToken, Assert.Single(fake.Calls).Token);
    }

    [Fact]
    public async Task Posts_are_utf8_json_with_blocks_and_get_a_ts_and_a_permalink()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (chat, _, _) = Apis(fake);
        var message = new DigestBot.Formatting.Slack.SlackNoteRenderer().Render(NoteFactory.Paper("SAM 2 & <friends>", "2408.00714"));

        var posted = await chat.PostMessageAsync(ChatPostMessageRequest.From(message, FakeSlackServer.Channel, null), SendPriority.Post, CancellationToken.None);
        var updated = await chat.UpdateAsync(new ChatUpdateRequest(FakeSlackServer.Channel, posted.Ts, "edited", message.Blocks), SendPriority.Post, CancellationToken.None);
        var link = await chat.GetPermalinkAsync(FakeSlackServer.Channel, posted.Ts, CancellationToken.None);

        var post = fake.Calls[0];
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Empty(post.BlockKitProblems);
        Assert.Null(post.ThreadTs);
        Assert.Equal(posted.Ts, updated.Ts);
        Assert.Equal($"https://digest-fake.slack.com/archives/{FakeSlackServer.Channel}/p{posted.Ts.Replace(".", "")}", link.Permalink);
        Assert.Equal(["chat.postMessage", "chat.update", "chat.getPermalink"], fake.Calls.Select(c => c.Method));
        Assert.All(fake.Calls, c => Assert.Null(c.Error));
    }

    [Fact]
    public async Task Posts_into_one_channel_go_a_second_apart_before_Slack_could_refuse_them_and_other_channels_do_not_wait()
    {
        var start = DateTimeOffset.Parse("2026-03-01T08:00:00Z", CultureInfo.InvariantCulture);
        var time = new WatchedTimeProvider(start);
        await using var fake = await FakeSlackServer.StartAsync(time);
        fake.AddChannel("C0OTHER001");
        var (chat, _, _) = Apis(fake, time: time, interval: TimeSpan.FromSeconds(1));
        var message = new DigestBot.Formatting.Slack.SlackNoteRenderer().Render(NoteFactory.Paper("A paper", "2408.00001"));

        await chat.PostMessageAsync(ChatPostMessageRequest.From(message, FakeSlackServer.Channel, null), SendPriority.Post, CancellationToken.None);
        var second = chat.PostMessageAsync(ChatPostMessageRequest.From(message, FakeSlackServer.Channel, null), SendPriority.Post, CancellationToken.None);
        await chat.PostMessageAsync(ChatPostMessageRequest.From(message, "C0OTHER001", null), SendPriority.Post, CancellationToken.None);
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(1), "the second post to wait for its turn in the channel");
        var postsBeforeTheSecond = fake.Posts.Count;
        await AdvanceUntilAsync(time, second);
        await second;

        Assert.Equal(2, postsBeforeTheSecond);
        Assert.Equal([FakeSlackServer.Channel, "C0OTHER001", FakeSlackServer.Channel], fake.Posts.Select(p => p.Channel));
        Assert.True(fake.Posts[2].At - fake.Posts[0].At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After_then_the_same_call_is_sent_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        await using var fake = await FakeSlackServer.StartAsync(time);
        var (_, auth, _) = Apis(fake, time: time);
        fake.FailNext("auth.test", 1, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 3);

        var call = auth.TestAsync(CancellationToken.None);
        await fake.WaitUntilAsync(f => f.Calls.Count == 1);
        await AdvanceUntilAsync(time, call);
        var me = await call;

        Assert.Equal(FakeSlackServer.BotUserId, me.UserId);
        Assert.Equal([429, 200], fake.Calls.Select(c => c.StatusCode));
        Assert.True(fake.Calls[1].At - fake.Calls[0].At >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Repeated_429s_hand_the_wait_to_the_caller()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T08:00:00Z"));
        await using var fake = await FakeSlackServer.StartAsync(time);
        var (_, auth, _) = Apis(fake, time: time);
        fake.FailNext("auth.test", SlackApiClient.MaxAttempts, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 2);

        var call = auth.TestAsync(CancellationToken.None);
        await AdvanceUntilAsync(time, call);
        var e = await Assert.ThrowsAsync<SlackApiException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(2), e.RetryAfter);
        Assert.Equal(PlatformErrorKind.Transient, e.Kind);
        Assert.Equal(SlackApiClient.MaxAttempts, fake.Calls.Count);
    }

    [Fact]
    public async Task A_long_Retry_After_is_not_slept_in_the_client()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, auth, _) = Apis(fake);
        fake.FailNext("auth.test", 1, FakeSlackFailure.TooManyRequests, retryAfterSeconds: 120);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => auth.TestAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromMinutes(2), e.RetryAfter);
        Assert.Single(fake.Calls);
    }

    [Theory]
    [InlineData(FakeSlackFailure.Unavailable)]
    [InlineData(FakeSlackFailure.InternalError)]
    public async Task Server_trouble_is_transient(FakeSlackFailure failure)
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, auth, _) = Apis(fake);
        fake.FailNext("auth.test", 1, failure);

        var e = await Assert.ThrowsAsync<SlackApiException>(() => auth.TestAsync(CancellationToken.None));

        Assert.Equal(PlatformErrorKind.Transient, e.Kind);
    }

    [Fact]
    public async Task A_base_url_without_its_trailing_slash_still_reaches_api_methods()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        var (_, auth, _) = Apis(fake, baseUrl: fake.ApiBaseUrl.TrimEnd('/'));

        var me = await auth.TestAsync(CancellationToken.None);

        Assert.Equal(FakeSlackServer.BotUserId, me.UserId);
    }

    internal static (ChatApi Chat, AuthApi Auth, AppsApi Apps) Apis(
        FakeSlackServer fake, string botToken = FakeSlackServer.BotToken, TimeProvider? time = null, string? baseUrl = null, TimeSpan interval = default)
    {
        var options = Options.Create(new SlackOptions
        {
            BotToken = botToken,
            AppToken = FakeSlackServer.AppToken,
            ApiBaseUrl = new Uri(baseUrl ?? fake.ApiBaseUrl),
        });
        var clock = time ?? TimeProvider.System;
        var client = new SlackApiClient(new HttpClient(), options, clock, NullLogger<SlackApiClient>.Instance);
        var pacer = new SendPacer(new PacingOptions { PerChatInterval = interval, GroupWindow = TimeSpan.Zero, GlobalWindow = TimeSpan.Zero }, clock);
        return (new ChatApi(client, pacer), new AuthApi(client), new AppsApi(client));
    }

    /// <summary>Moves fake time on until the call finishes; the client may start its wait after any one step.</summary>
    internal static async Task AdvanceUntilAsync(FakeTimeProvider time, Task call)
    {
        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }
    }
}
