using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;

namespace DigestBot.Tests.Web;

/// <summary>
/// The Atom feeds, read back by the feed library and, independently, checked element by element against RFC 4287;
/// and their validators, as feed readers poll with them.
/// </summary>
public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task The_feed_reads_back_through_the_feed_library_with_every_note_whole()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Web:BaseUrl"] = "https://papers.example.org/digest/" });
        var ids = await host.PostAsync(WebArchiveTests.Sam2, WebArchiveTests.Lora);
        await host.QueueAsync(WebArchiveTests.Queued);

        var (response, body) = await host.GetAsync("/feed.atom");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var formatter = new Atom10FeedFormatter();
        using (var reader = XmlReader.Create(new StringReader(body)))
        {
            formatter.ReadFrom(reader);
        }

        var feed = formatter.Feed;
        Assert.Equal("https://papers.example.org/digest/feed.atom", feed.Id);
        Assert.Equal("DigestBot", feed.Title.Text);
        Assert.Equal(2, feed.Items.Count());
        var sam = feed.Items.Last();
        Assert.Equal($"https://papers.example.org/digest/notes/{ids[0]}", sam.Id);
        Assert.Equal(WebArchiveTests.Sam2.Title, sam.Title.Text);
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero), sam.LastUpdatedTime);
        Assert.Equal($"https://papers.example.org/digest/notes/{ids[0]}", sam.Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal("https://arxiv.org/abs/2408.00714", sam.Links.Single(l => l.RelationshipType == "related").Uri.AbsoluteUri);
        Assert.Equal(["video-segmentation", "foundation-model"], sam.Categories.Select(c => c.Name));
        var content = Assert.IsType<TextSyndicationContent>(sam.Content);
        Assert.Equal("html", content.Type);
        var html = new HtmlParser().ParseDocument(content.Text);
        Assert.Equal("비디오", html.QuerySelector("strong")!.TextContent);
        Assert.Contains("We present Segment Anything Model 2", html.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"https://t.me/digest_channel/{ids[0]}", html.QuerySelectorAll("a").Single(a => a.TextContent == "Telegram post").GetAttribute("href"));
        Assert.Equal("https://papers.example.org/digest/tags/video-segmentation", html.QuerySelectorAll("a").Single(a => a.TextContent == "#video-segmentation").GetAttribute("href"));
        Assert.DoesNotContain(WebArchiveTests.Queued.Title, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_feed_and_the_main_feed_meet_rfc_4287_read_without_the_feed_library()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(WebArchiveTests.Sam2, WebArchiveTests.Lora, WebArchiveTests.Dpo, HostileNotes.Everywhere);

        foreach (var path in new[] { "/feed.atom", "/tags/llm.atom", "/tags/LLM.atom" })
        {
            var (response, body) = await host.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var feed = XDocument.Parse(body).Root!;

            Assert.Equal(Atom + "feed", feed.Name);
            Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")?.Value, UriKind.Absolute), $"{path}: feed id");
            Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")?.Value), $"{path}: feed title");
            Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")?.Value, out _), $"{path}: feed updated");
            Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
            Assert.Equal(host.BaseAddress + path.TrimStart('/'), feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value, ignoreCase: true);
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.NotEmpty(entries);
            Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
            foreach (var entry in entries)
            {
                Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")?.Value, UriKind.Absolute), $"{path}: entry id");
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value), $"{path}: entry title");
                Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, out _), $"{path}: entry updated");
                Assert.Equal("html", (string?)entry.Element(Atom + "content")?.Attribute("type"));
                var alternate = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
                Assert.StartsWith(host.BaseAddress + "notes/", alternate.Attribute("href")!.Value, StringComparison.Ordinal);
                Assert.All(entry.Elements(Atom + "link"), l => Assert.True(Uri.IsWellFormedUriString((string?)l.Attribute("href"), UriKind.Absolute)));
            }

            var hostile = entries.Single(e => e.Element(Atom + "title")!.Value == HostileNotes.Everywhere.Title);
            var content = new HtmlParser().ParseDocument(hostile.Element(Atom + "content")!.Value);
            Assert.Empty(content.QuerySelectorAll("script, img, iframe"));
            Assert.Contains(HostileNotes.ScriptText, content.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(hostile.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "related");
        }
    }

    [Fact]
    public async Task A_feed_reader_polling_with_its_validators_gets_304_until_something_is_posted()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(WebArchiveTests.Sam2);

        var (first, firstBody) = await host.GetAsync("/feed.atom");
        var etag = first.Headers.ETag!.Tag;
        var modified = first.Content.Headers.LastModified!.Value;
        var (byTag, byTagBody) = await host.GetAsync("/feed.atom", ("If-None-Match", etag));
        var (byDate, _) = await host.GetAsync("/feed.atom", ("If-Modified-Since", modified.ToString("R")));
        var (weak, _) = await host.GetAsync("/feed.atom", ("If-None-Match", "W/" + etag));
        var (tagWins, _) = await host.GetAsync("/feed.atom", ("If-None-Match", "\"other\""), ("If-Modified-Since", modified.ToString("R")));
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.PostAsync(WebArchiveTests.Lora);
        var (changed, _) = await host.GetAsync("/feed.atom", ("If-None-Match", etag));
        var (later, _) = await host.GetAsync("/feed.atom", ("If-Modified-Since", modified.ToString("R")));
        var (_, laterBody) = await host.GetAsync("/feed.atom");

        Assert.Equal(new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero), modified);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Equal("", byTagBody);
        Assert.Equal(etag, byTag.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, weak.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tagWins.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(new DateTimeOffset(2024, 5, 20, 10, 0, 0, TimeSpan.Zero), later.Content.Headers.LastModified);
        // The feed kept from the first request is not served once something new is posted.
        Assert.DoesNotContain(WebArchiveTests.Lora.Title, firstBody, StringComparison.Ordinal);
        Assert.Contains(WebArchiveTests.Lora.Title, laterBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_answer_304_to_their_etag_too()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(WebArchiveTests.Sam2);

        var (first, _) = await host.GetAsync("/tags/video-segmentation");
        var (again, body) = await host.GetAsync("/tags/video-segmentation", ("If-None-Match", first.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal("", body);
        Assert.Contains("default-src 'none'", string.Join(" ", again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }
}
