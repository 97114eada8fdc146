namespace DigestBot.Tests.Formatting;

/// <summary>The checkers are only worth something if they reject what the platforms reject.</summary>
public sealed class ValidatorTests
{
    [Theory]
    [InlineData("<b>a</b> <i>b</i> <a href=\"https://x.org/?a=1&amp;b=&quot;\">c</a>")]
    [InlineData("<blockquote expandable>a</blockquote><pre><code class=\"language-cs\">x &lt; y</code></pre>")]
    [InlineData("<span class=\"tg-spoiler\">s</span> &#128512; &#x1F600;")]
    public void Telegram_validator_accepts_valid_html(string html) => Assert.Empty(TelegramHtmlValidator.Problems(html));

    [Theory]
    [InlineData("a < b")]
    [InlineData("a > b")]
    [InlineData("a & b")]
    [InlineData("&nbsp;")]
    [InlineData("<p>a</p>")]
    [InlineData("<b>a")]
    [InlineData("<b><i>a</b></i>")]
    [InlineData("<blockquote>a<blockquote>b</blockquote></blockquote>")]
    [InlineData("<code><b>a</b></code>")]
    [InlineData("<pre><b>a</b></pre>")]
    [InlineData("<a href=\"x\"><a href=\"y\">a</a></a>")]
    [InlineData("<a>a</a>")]
    [InlineData("<a href=\"a\"b\">a</a>")]
    [InlineData("<b onclick=\"x\">a</b>")]
    [InlineData("<code class=\"language-x\">a</code>")]
    [InlineData("<blockquote open>a</blockquote>")]
    [InlineData("<b></b>")]
    public void Telegram_validator_rejects_what_Telegram_rejects(string html) =>
        Assert.NotEmpty(TelegramHtmlValidator.Problems(html));

    [Fact]
    public void Telegram_validator_counts_visible_units_not_markup()
    {
        var fits = "<b>" + new string('a', 4095) + "&amp;</b>";
        Assert.Empty(TelegramHtmlValidator.Problems(fits));
        Assert.NotEmpty(TelegramHtmlValidator.Problems(fits.Replace("&amp;", "😀")));
    }

    [Theory]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"header","text":{"type":"mrkdwn","text":"x"}}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"<!channel>"}}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"hi @here"}}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"a & b"}}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"section","text":{"type":"mrkdwn","text":""}}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"context","elements":[]}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"url":"javascript:x"}]}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"v","confirm":{"title":{"type":"plain_text","text":"t"},"text":{"type":"plain_text","text":"x"},"confirm":{"type":"plain_text","text":"y"}}}]}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"v","confirm":{"title":{"type":"mrkdwn","text":"t"},"text":{"type":"plain_text","text":"x"},"confirm":{"type":"plain_text","text":"y"},"deny":{"type":"plain_text","text":"n"}}}]}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"v","confirm":{"title":{"type":"plain_text","text":"t"},"text":{"type":"plain_text","text":"x"},"confirm":{"type":"plain_text","text":"y"},"deny":{"type":"plain_text","text":"n"},"style":"red"}}]}]}""")]
    [InlineData("""{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"v","confirmation":{}}]}]}""")]
    [InlineData("""{"text":"<@U1>","unfurl_links":false,"blocks":[{"type":"divider"}]}""")]
    [InlineData("""{"text":"t","blocks":[{"type":"divider"}]}""")]
    public void Slack_checker_rejects_what_Block_Kit_rejects(string json) =>
        Assert.NotEmpty(SlackBlockKitChecker.Problems(json));

    [Fact]
    public void Slack_checker_counts_limits()
    {
        string Section(int length) => """{"text":"t","unfurl_links":false,"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"X"}}]}""".Replace("X", new string('a', length));
        Assert.Empty(SlackBlockKitChecker.Problems(Section(3000)));
        Assert.NotEmpty(SlackBlockKitChecker.Problems(Section(3001)));

        string Confirm(int title, int deny) =>
            """{"text":"t","unfurl_links":false,"blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"x"},"action_id":"a","value":"v","style":"danger","confirm":{"title":{"type":"plain_text","text":"T"},"text":{"type":"mrkdwn","text":"철회할까요?"},"confirm":{"type":"plain_text","text":"철회"},"deny":{"type":"plain_text","text":"D"},"style":"danger"}}]}]}"""
                .Replace("\"T\"", $"\"{new string('가', title)}\"").Replace("\"D\"", $"\"{new string('a', deny)}\"");
        Assert.Empty(SlackBlockKitChecker.Problems(Confirm(100, 30)));
        Assert.NotEmpty(SlackBlockKitChecker.Problems(Confirm(101, 30)));
        Assert.NotEmpty(SlackBlockKitChecker.Problems(Confirm(100, 31)));
    }
}
