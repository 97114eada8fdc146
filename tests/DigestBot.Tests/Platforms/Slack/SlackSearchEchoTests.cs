using System.Net;
using DigestBot.Tests.Formatting;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// A search in a channel thread repeats the sender's words where everyone reads them. Real mentions in the message
/// (<c>&lt;@U…&gt;</c>, <c>&lt;!here&gt;</c>) are dropped as it is read; the same markup typed as text, and a plain
/// <c>@here</c>, are shown as typed: the mrkdwn renderer escapes <c>&lt; &gt; &amp;</c> and breaks the broadcast words.
/// </summary>
public sealed class SlackSearchEchoTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private FakeSlackServer fake = null!;
    private SlackBotHost host = null!;

    // A host per test, so that each test's answer is the first message the fake receives.
    public async Task InitializeAsync()
    {
        fake = await FakeSlackServer.StartAsync();
        host = await SlackBotHost.StartAsync(folder, fake);
    }

    public async Task DisposeAsync()
    {
        // The host stops first: it talks to the fake until it has.
        await host.DisposeAsync();
        await fake.DisposeAsync();
        folder.Dispose();
    }

    [Fact]
    public async Task Mention_markup_in_the_search_words_is_shown_as_typed_and_pings_nobody()
    {
        // As Slack delivers it: typed markup arrives entity-encoded, real mentions as markup.
        const string delivered = "search &lt;@U0ALICE&gt; &lt;!here&gt; &lt;!channel&gt; @here 비디오 <@U0BOB> <!channel>";

        var answer = await MentionAsync("Ev0ECHO001", delivered);
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
        var words = string.Join(' ', Enumerable.Range(1, 20).Select(i => $"w{i}"));

        var visible = SlackBlockKitChecker.VisibleText((await MentionAsync("Ev0ECHO002", "search " + words)).Json);

        Assert.Contains("“w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16”", visible);
        Assert.DoesNotContain("w17", visible);
        Assert.Contains("Your search was shortened to its first 16 different words and at most 256 characters.", visible);
    }

    /// <summary>Someone mentions the app in the channel; returns its answer in the thread.</summary>
    private async Task<FakeSlackCall> MentionAsync(string eventId, string text)
    {
        using var response = await host.PostSignedAsync(
            "/slack/events",
            SlackBotHost.Callback(eventId, SlackBotHost.Mention(SlackBotHost.Stranger, text, "1772352000.000900")).ToJsonString(),
            "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await fake.WaitUntilAsync(f => f.Posts.Count == 1);
        return fake.Posts[0];
    }
}
