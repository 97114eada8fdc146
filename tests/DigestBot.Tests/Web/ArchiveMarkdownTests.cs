using DigestBot.Web;

namespace DigestBot.Tests.Web;

public sealed class ArchiveMarkdownTests
{
    [Theory]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>\n")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>\n")]
    [InlineData("[relative](/notes/1)", "<p>relative</p>\n")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n")]
    [InlineData("<mailto:eve@example.org>", "<p>mailto:eve@example.org</p>\n")]
    [InlineData("[ref]\n\n[ref]: javascript:alert(2)", "<p>ref</p>\n")]
    [InlineData("![evil](javascript:alert(1))", "<p>evil</p>\n")]
    [InlineData("[a](javascript:x) <javascript:alert(1)> [b] <mailto:e@example.org>\n\n[b]: javascript:y", "<p>a javascript:alert(1) b mailto:e@example.org</p>\n")]
    public void A_link_that_is_not_http_becomes_its_words(string markdown, string html) =>
        Assert.Equal(html, ArchiveMarkdown.ToHtml(markdown));

    [Fact]
    public void Raw_html_is_text()
    {
        var html = ArchiveMarkdown.ToHtml("<script>alert(1)</script>\n\nand <img src=x onerror=alert(1)> inline");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_links_stay_links_and_an_image_is_a_link_to_it_not_loaded()
    {
        var html = ArchiveMarkdown.ToHtml("[paper](https://arxiv.org/abs/2408.00714) https://example.org/bare ![chart](https://example.org/c.png)");

        Assert.Contains("<a href=\"https://arxiv.org/abs/2408.00714\" rel=\"nofollow noopener noreferrer\">paper</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/bare\" rel=\"nofollow noopener noreferrer\">https://example.org/bare</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/c.png\" rel=\"nofollow noopener noreferrer\">chart</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_commentary_stays_a_line_break_as_in_the_channel() =>
        Assert.Equal("<p>첫 줄.<br />\n둘째 줄.</p>\n", ArchiveMarkdown.ToHtml("첫 줄.\n둘째 줄."));

    [Fact]
    public void Korean_commentary_with_markdown_renders_as_html()
    {
        var html = ArchiveMarkdown.ToHtml("**데이터 엔진**이 핵심입니다. `prompt encoder`");

        Assert.Equal("<p><strong>데이터 엔진</strong>이 핵심입니다. <code>prompt encoder</code></p>\n", html);
    }
}
