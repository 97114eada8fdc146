using System.Net;
using System.Text.Json.Nodes;
using DigestBot.Chat;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>Slack's <c>/subscribe</c> keeps the same limits; a refused one does not tell the channel to invite the bot.</summary>
public sealed class SlackSubscriptionLimitsTests
{
    [Fact]
    public async Task Past_the_maximum_a_channel_is_refused_without_an_invitation_hint()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        fake.AddChannel("C0VIDEO001");
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake, new Dictionary<string, string> { ["Subscriptions:Max"] = "1" });

        using var first = await host.CommandAsync("/subscribe", "#llm", channel: "C0VIDEO001");
        using var refused = await host.CommandAsync("/subscribe", "", channel: "C0ALLPOST1");
        var answer = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, refused.StatusCode));
        Assert.Equal("I am full: 1 chats are subscribed already, so I cannot take another. Please ask the channel's curators.", (string?)answer["text"]);
        Assert.DoesNotContain(ChatSubscriptions.InviteHint, SlackBlockKitChecker.VisibleText(answer.ToJsonString()));
        Assert.Equal(["C0VIDEO001"], fake.Calls.Where(c => c.Method == "conversations.info").Select(c => c.Channel));
    }
}
