using System.Text.Json.Nodes;
using DigestBot.Platforms.Slack;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>The real host in Socket Mode against the fake's WebSocket: acknowledgements, reconnects, redeliveries.</summary>
public sealed class SlackSocketModeTests
{
    private static readonly Dictionary<string, string> SocketMode = SlackBotHost.SocketMode();

    [Fact]
    public async Task Every_envelope_is_acknowledged_by_its_id_and_the_event_answered_in_its_thread()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SocketMode);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-1", SlackBotHost.Callback("Ev0SOCKET1", SlackBotHost.Mention(SlackBotHost.Stranger, "tags", "1772352000.000400"))));
        await fake.SendAsync(new JsonObject { ["envelope_id"] = "env-2", ["type"] = "interactive", ["payload"] = new JsonObject() });
        await fake.WaitUntilAsync(f => f.Acks.Count == 2 && f.Posts.Count == 1);

        Assert.Equal(["env-1", "env-2"], fake.Acks.Select(a => (string?)a["envelope_id"]));
        Assert.Equal("1772352000.000400", fake.Posts[0].ThreadTs);
        Assert.Equal(FakeSlackServer.AppToken, fake.Calls.Single(c => c.Method == "apps.connections.open").Token);
    }

    [Fact]
    public async Task After_Slack_asks_to_reconnect_a_new_URL_is_opened_and_a_redelivered_event_is_handled_once()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SocketMode);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);
        var mention = SlackBotHost.Callback("Ev0ROTATE1", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000500"));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-a", mention));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1);

        await fake.RequestReconnectAsync();
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 2);
        // Slack redelivers under a new envelope id when it thinks the first delivery was lost.
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-b", mention, retryAttempt: 1));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-c", SlackBotHost.Callback("Ev0ROTATE2", SlackBotHost.Mention(SlackBotHost.Stranger, "tags", "1772352000.000600"))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 3 && f.Posts.Count >= 2);
        await Eventually.TrueAsync(() => host.Get<SlackBackgroundWork>().Unfinished == 0, "the accepted events to be handled");

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(["env-a", "env-b", "env-c"], fake.Acks.Select(a => (string?)a["envelope_id"]));
        Assert.Equal(["1772352000.000500", "1772352000.000600"], fake.Posts.Select(p => p.ThreadTs).Order());
        Assert.Equal(2, host.Get<SlackSocketModeClient>().Connections);
    }

    [Fact]
    public async Task A_dropped_connection_is_opened_again()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SocketMode);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        fake.DropConnection();
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 2);
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-after-drop", SlackBotHost.Callback("Ev0DROP001", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000900"))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.Posts.Count == 1);

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal("env-after-drop", (string?)fake.Acks[0]["envelope_id"]);
    }

    [Fact]
    public async Task A_slash_command_is_answered_in_its_acknowledgement()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SocketMode);
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendAsync(new JsonObject
        {
            ["envelope_id"] = "env-cmd",
            ["type"] = "slash_commands",
            ["accepts_response_payload"] = true,
            ["payload"] = new JsonObject
            {
                ["token"] = "x", ["team_id"] = "T0DIGEST", ["channel_id"] = FakeSlackServer.Channel, ["user_id"] = SlackBotHost.Stranger,
                ["command"] = "/digest", ["text"] = "help", ["response_url"] = fake.ResponseUrl(), ["trigger_id"] = "1.2",
            },
        });
        await fake.WaitUntilAsync(f => f.Acks.Count == 1);

        var ack = fake.Acks[0];
        Assert.Equal("env-cmd", (string?)ack["envelope_id"]);
        Assert.Equal("ephemeral", (string?)ack["payload"]!["response_type"]);
        Assert.Equal("DigestBot — ML paper digests", (string?)ack["payload"]!["text"]);
        var payload = ack["payload"]!.DeepClone().AsObject();
        payload["unfurl_links"] = false;
        Assert.Empty(SlackBlockKitChecker.Problems(payload.ToJsonString()));
    }

    [Fact]
    public async Task With_Socket_Mode_the_HTTP_endpoints_are_not_there()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SocketMode);

        using var response = await host.CommandAsync("/tags", "");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
