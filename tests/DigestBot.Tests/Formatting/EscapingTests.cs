using DigestBot.Formatting.Slack;
using DigestBot.Formatting.Telegram;

namespace DigestBot.Tests.Formatting;

public sealed class EscapingTests
{
    [Theory]
    [InlineData("a < b > c & d \"e\"", "a &lt; b &gt; c &amp; d \"e\"")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("한국어 👩‍💻 שלום", "한국어 👩‍💻 שלום")]
    public void Telegram_escapes_text(string text, string expected) => Assert.Equal(expected, TelegramHtml.Escape(text));

    [Fact]
    public void Telegram_escapes_quotes_in_attributes() =>
        Assert.Equal("https://x.org/?q=&quot;a&quot;&amp;b=&lt;c&gt;", TelegramHtml.EscapeAttribute("https://x.org/?q=\"a\"&b=<c>"));

    [Theory]
    [InlineData("<b>a</b> &amp; &#128512; &#x1F600;", 9)]
    [InlineData("👩‍💻", 5)]
    [InlineData("<a href=\"https://x.org/?a=&quot;\">ab</a>", 2)]
    public void Telegram_visible_length_counts_utf16_units_of_decoded_text(string html, int expected) =>
        Assert.Equal(expected, TelegramHtml.VisibleLength(html));

    [Theory]
    [InlineData("<!channel> & <@U1>", "&lt;!channel&gt; &amp; &lt;@U1&gt;")]
    [InlineData("@channel @HERE @everyone @chan", "@\u2060channel @\u2060HERE @\u2060everyone @chan")]
    [InlineData("mail@example.com", "mail@example.com")]
    public void Slack_escapes_text_and_breaks_broadcasts(string text, string expected) =>
        Assert.Equal(expected, SlackMrkdwn.Escape(text));

    [Fact]
    public void Slack_link_targets_cannot_end_early() =>
        Assert.Equal("https://x.org/a%7Cb?c=1&amp;d=&lt;&gt;", SlackMrkdwn.LinkTarget("https://x.org/a|b?c=1&d=<>"));
}
