using System.Net;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// A search in a channel thread repeats the sender's words where everyone reads them. Real mentions in the message
/// (<c>&lt;@U…&gt;</c>, <c>&lt;!here&gt;</c>) are dropped as it is read; the same markup typed as text, and a plain
/// <c>@here</c>, are shown as typed: the mrkdwn renderer escapes <c>&lt; &gt; &amp;</c> and breaks the broadcast words.
/// </summary>
public sealed class SlackSearchEchoTests
{
    [Fact]
    public async Task Mention_markup_in_the_search_words_is_shown_as_typed_and_pings_nobody()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        // As Slack delivers it: typed markup arrives entity-encoded, real mentions as markup.
        const string delivered = "search &lt;@U0ALICE&gt; &lt;!here&gt; &lt;!channel&gt; @here 비디오 <@U0BOB> <!channel>";

        using var response = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback("Ev0ECHO001", SlackBotHost.Mention(SlackBotHost.Stranger, delivered, "1772352000.000900")).ToJsonString(),
            "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = fake.Posts[0];
        var visible = SlackBlockKitChecker.VisibleText(answer.Json);
        Assert.Contains("“<@U0ALICE> <!here> <!channel> @\u2060here 비디오”", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", visible, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U0", answer.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("<!", answer.Json, StringComparison.Ordinal);
        Assert.Null(answer.Body["link_names"]);
    }

    [Fact]
    public async Task A_long_search_is_shortened_and_says_so()
    {
        await using var fake = await FakeSlackServer.StartAsync();
        using var folder = new TempFolder();
        await using var host = await SlackBotHost.StartAsync(folder, fake);
        var words = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}"));

        using var response = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback("Ev0ECHO002", SlackBotHost.Mention(SlackBotHost.Stranger, "search " + words, "1772352000.000901")).ToJsonString(),
            "application/json");
        await fake.WaitUntilAsync(f => f.Posts.Count == 1);

        var visible = SlackBlockKitChecker.VisibleText(fake.Posts[0].Json);
        Assert.Contains("“w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16”", visible);
        Assert.DoesNotContain("w17", visible);
        Assert.Contains("Your search was shortened to its first 16 different words and at most 256 characters.", visible);
    }
}
