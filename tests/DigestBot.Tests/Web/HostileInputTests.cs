using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;

namespace DigestBot.Tests.Web;

/// <summary>
/// Hostile notes and hostile addresses: the page never carries a note's markup as markup, never a script or a
/// <c>javascript:</c> link, never the framework's error page; the answer is always 200, 301, 400 or 404.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_hostile_note_shows_its_markup_as_text_on_every_page_that_shows_it()
    {
        await using var host = await ArchiveHost.StartAsync();
        var ids = await host.PostAsync(HostileNotes.Everywhere);

        foreach (var path in new[] { "/", $"/notes/{ids[0]}", "/tags/llm", "/search?q=Hostile", "/tags" })
        {
            var (response, body) = await host.GetAsync(path);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Parser.ParseDocument(body);
            AssertInert(page, path);
        }

        var (_, note) = await host.GetAsync($"/notes/{ids[0]}");
        var article = Parser.ParseDocument(note).QuerySelector("article.note")!;
        Assert.Equal(HostileNotes.Everywhere.Title, article.QuerySelector("h1")!.TextContent);
        Assert.Contains(HostileNotes.ScriptText, article.QuerySelector(".commentary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HostileNotes.Everywhere.Abstract, article.QuerySelector("details.abstract p")!.TextContent);
        Assert.Equal("<b onmouseover=alert(1)>Mallory</b>, Eve\" onfocus=\"alert(1)", article.QuerySelector(".authors")!.TextContent);
        // The javascript: paper link is dropped; the web link after it stays, its quotes and brackets escaped.
        Assert.Equal(["https://example.org/ok?a=1&b=\"2\"<x>"], article.QuerySelectorAll(".links a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["https://example.org/pixel.png", "https://example.org/fine"], article.QuerySelectorAll(".commentary a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["#\"><img src=x onerror=alert(1)>", "#<script>", "#llm"], article.QuerySelectorAll("ul.tags a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task A_hostile_tag_has_a_page_that_names_it_as_text()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(HostileNotes.Everywhere);

        var (_, front) = await host.GetAsync("/");
        var href = Parser.ParseDocument(front).QuerySelectorAll("ul.tags a").First(a => a.TextContent == "#<script>").GetAttribute("href")!;
        var (response, body) = await host.GetAsync(href);

        Assert.Equal("/tags/%3Cscript%3E", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(body);
        Assert.Equal("#<script>", page.QuerySelector("h1")!.TextContent);
        AssertInert(page, href);
    }

    [Theory]
    [InlineData("/tags/%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.NotFound)]
    [InlineData("/tags/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.atom", HttpStatusCode.NotFound)]
    [InlineData("/tags/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound)]
    [InlineData("/tags/%2e%2e/%2e%2e/", HttpStatusCode.OK)]
    [InlineData("/tags/%C0%AF%FF%FE", HttpStatusCode.NotFound)]
    [InlineData("/tags/llm?page=-1", HttpStatusCode.BadRequest)]
    [InlineData("/tags/llm?page=%3Cb%3E", HttpStatusCode.BadRequest)]
    [InlineData("/tags/llm?page=99999999999999999999999", HttpStatusCode.NotFound)]
    [InlineData("/?page=0", HttpStatusCode.BadRequest)]
    [InlineData("/?page=-3", HttpStatusCode.BadRequest)]
    [InlineData("/?page=two", HttpStatusCode.BadRequest)]
    [InlineData("/?page=1.5", HttpStatusCode.BadRequest)]
    [InlineData("/?page=2147483648", HttpStatusCode.NotFound)]
    [InlineData("/?page=1&page=2", HttpStatusCode.BadRequest)]
    [InlineData("/notes/-1", HttpStatusCode.NotFound)]
    [InlineData("/notes/99999999999999999999999", HttpStatusCode.NotFound)]
    [InlineData("/notes/%3Cscript%3E", HttpStatusCode.NotFound)]
    [InlineData("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", HttpStatusCode.OK)]
    [InlineData("/search?q=%22%27%3E%3C%2Ftitle%3E", HttpStatusCode.OK)]
    [InlineData("/search?q=..%2F..%2F", HttpStatusCode.OK)]
    [InlineData("/search?q=%E0%A4%A%ZZ%", HttpStatusCode.OK)]
    [InlineData("/search?q=llm&page=-5", HttpStatusCode.BadRequest)]
    [InlineData("/search?q=LoRA&page=999", HttpStatusCode.NotFound)]
    [InlineData("/search?q=AND%20OR%20NOT%20%22%20*%20NEAR(", HttpStatusCode.OK)]
    public async Task A_hostile_address_gets_a_page_of_ours_with_a_sensible_status(string path, HttpStatusCode expected)
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(WebArchiveTests.Lora, WebArchiveTests.Dpo);

        var (response, body) = await host.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Parser.ParseDocument(body);
        Assert.NotNull(page.QuerySelector("header.site a.name"));
        AssertInert(page, path);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
    }

    /// <summary>Kestrel refuses these itself, before routing, with an empty 400: nothing of the archive runs.</summary>
    [Theory]
    [InlineData("/tags/%00")]
    [InlineData("/notes/1%00")]
    public async Task A_nul_in_the_path_is_refused_by_the_web_server(string path)
    {
        await using var host = await ArchiveHost.StartAsync();

        var (response, body) = await host.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", body);
    }

    [Fact]
    public async Task Ten_thousand_characters_are_refused_in_one_sentence_when_the_server_takes_them_and_414_when_not()
    {
        var tenThousand = new string('a', 5_000) + new string('가', 5_000);
        await using var roomy = await ArchiveHost.StartAsync(configure: b => b.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = 131_072));
        await using var host = await ArchiveHost.StartAsync();
        await roomy.PostAsync(WebArchiveTests.Lora);

        var (search, searchBody) = await roomy.GetAsync("/search?q=" + Uri.EscapeDataString(tenThousand));
        var (tag, tagBody) = await roomy.GetAsync("/tags/" + Uri.EscapeDataString(tenThousand));
        var (note, _) = await roomy.GetAsync("/notes/" + new string('9', 10_000));
        var (page, _) = await roomy.GetAsync("/?page=" + new string('9', 10_000));
        var (defaultLimit, _) = await host.GetAsync("/search?q=" + Uri.EscapeDataString(tenThousand));

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal("That search is too long. Search for at most 200 characters.", Parser.ParseDocument(searchBody).QuerySelector("p.message")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, tag.StatusCode);
        Assert.True(tagBody.Length < 5_000, "the 404 page quotes the tag, not all of it");
        Assert.Equal(HttpStatusCode.NotFound, note.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, defaultLimit.StatusCode);
    }

    /// <summary>Nothing on the page can run: no script, no event handler, no frame or object, no link or form elsewhere than http(s) or the archive.</summary>
    internal static void AssertInert(IDocument page, string path)
    {
        Assert.True(page.QuerySelectorAll("script, iframe, object, embed, img, base, meta[http-equiv]").Length == 0, $"{path}: an active element");
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: <{element.LocalName} {attribute.Name}>");
            }
        }

        foreach (var link in page.QuerySelectorAll("[href], [src], [action]"))
        {
            var target = link.GetAttribute("href") ?? link.GetAttribute("src") ?? link.GetAttribute("action")!;
            Assert.True(
                target.StartsWith('/') || target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("../", StringComparison.Ordinal) || target.StartsWith("./", StringComparison.Ordinal),
                $"{path}: a link to {target}");
        }
    }
}
