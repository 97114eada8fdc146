using System.Text.Json.Nodes;
using DigestBot.Platforms.Slack;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Socket Mode against a network that hangs and a Slack that sends what it should not: never stuck, never dropped.</summary>
public sealed class SlackSocketModeResilienceTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private FakeSlackServer fake = null!;

    public async Task InitializeAsync() => fake = await FakeSlackServer.StartAsync();

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Bad_envelopes_are_skipped_or_acknowledged_and_the_connection_carries_on()
    {
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode(("Slack:SocketMode:MaxMessageBytes", "65536")));
        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1);

        await fake.SendRawAsync("{\"envelope_id\": \"env-broken\", \"type\": ");
        await fake.SendAsync(new JsonObject { ["envelope_id"] = "env-unknown", ["type"] = "something_new", ["payload"] = new JsonObject() });
        await fake.SendAsync(new JsonObject { ["envelope_id"] = "env-command", ["type"] = "slash_commands", ["payload"] = "not a command" });
        await fake.SendAsync(new JsonObject { ["envelope_id"] = "env-event", ["type"] = "events_api", ["payload"] = new JsonArray(1, 2) });
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-huge", SlackBotHost.Callback("Ev0HUGE0001", SlackBotHost.Mention(SlackBotHost.Stranger, "search " + new string('x', 200_000), "1772352000.000001"))));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-good", SlackBotHost.Callback("Ev0GOOD0001", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000002"))));
        await fake.WaitUntilAsync(f => f.Acks.Any(a => (string?)a["envelope_id"] == "env-good") && f.Posts.Count == 1);

        // The unreadable message and the one over the size limit were skipped; every other envelope was acknowledged
        // in order, and the good one answered, on the first connection.
        Assert.Equal(["env-unknown", "env-command", "env-event", "env-good"], fake.Acks.Select(a => (string?)a["envelope_id"]));
        Assert.Equal("1772352000.000002", fake.Posts[0].ThreadTs);
        Assert.Equal((1, 1, 1), (fake.ConnectionsOpened, fake.SocketsAccepted, host.Get<SlackSocketModeClient>().Connections));
    }

    [Fact]
    public async Task A_handshake_that_never_completes_is_given_up_and_the_next_connection_is_made()
    {
        fake.HangNextHandshake();
        // Long enough that a handshake which does complete never runs out of it on a busy machine (the client would drop
        // that connection too, and the test's event would find none); the hung one still ends by it.
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode(("Slack:SocketMode:ConnectTimeout", "00:00:05")));

        await fake.WaitUntilAsync(f => f.SocketsAccepted == 1, TimeSpan.FromSeconds(30));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-after", SlackBotHost.Callback("Ev0HANG0001", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000003"))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.Posts.Count == 1);

        Assert.Equal(2, fake.ConnectionsOpened);
        Assert.Equal(1, host.Get<SlackSocketModeClient>().Connections);
    }

    [Fact]
    public async Task A_connection_that_stops_answering_pings_is_replaced()
    {
        fake.FreezeNextConnection();
        await using var host = await SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode(
            ("Slack:SocketMode:KeepAliveInterval", "00:00:01"),
            ("Slack:SocketMode:KeepAliveTimeout", "00:00:02")));

        await fake.WaitUntilAsync(f => f.SocketsAccepted >= 2, TimeSpan.FromSeconds(30));
        await fake.SendAsync(FakeSlackServer.EventsApiEnvelope("env-alive", SlackBotHost.Callback("Ev0PING0001", SlackBotHost.Mention(SlackBotHost.Stranger, "help", "1772352000.000004"))));
        await fake.WaitUntilAsync(f => f.Acks.Count == 1 && f.Posts.Count == 1);

        Assert.True(host.Get<SlackSocketModeClient>().Connections >= 2);
        Assert.Equal("env-alive", (string?)fake.Acks[0]["envelope_id"]);
    }

    [Theory]
    [InlineData("Slack:SocketMode:ConnectTimeout", "00:00:00", "Slack:SocketMode:ConnectTimeout '00:00:00' must be a positive duration")]
    [InlineData("Slack:SocketMode:MaxMessageBytes", "100", "Slack:SocketMode:MaxMessageBytes '100' must be between 16384 and 67108864 bytes.")]
    public async Task A_bad_socket_mode_setting_stops_the_start_with_its_name_and_value(string key, string value, string expected)
    {

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => SlackBotHost.StartAsync(folder, fake, SlackBotHost.SocketMode((key, value))));

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
