using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DigestBot.Notes;

namespace DigestBot.Tests.Web;

/// <summary>The archive's pages over HTTP from the real host: what they show, their links and their headers.</summary>
public sealed class WebArchiveTests
{
    private static readonly HtmlParser Parser = new();

    internal static Note Sam2 { get; } = NoteFactory.Paper(
        "SAM 2: Segment Anything in Images and Videos",
        "2408.00714",
        ["video-segmentation", "foundation-model"],
        "SAM 2가 나왔군요. **비디오**에 대한 확장입니다. [블로그](https://ai.meta.com/blog/segment-anything-2)",
        "We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation.");

    internal static Note Lora { get; } = NoteFactory.Paper(
        "LoRA: Low-Rank Adaptation of Large Language Models", "2106.09685", ["llm", "fine-tuning"], "파인튜닝의 사실상 표준이 된 방법.");

    internal static Note Dpo { get; } = NoteFactory.Paper(
        "Direct Preference Optimization", "2305.18290", ["llm", "alignment"], "보상 모델 없이 선호 데이터만으로 정렬하는 방법.");

    internal static Note Queued { get; } = NoteFactory.Paper("A Queued Paper Nobody Has Seen Yet", "2501.00001", ["llm"], "아직 게시 전.");

    [Fact]
    public async Task The_front_page_shows_posted_notes_newest_first_with_their_parts_and_never_a_queued_one()
    {
        await using var host = await ArchiveHost.StartAsync();
        var ids = await host.PostAsync(Sam2, Lora);
        await host.QueueAsync(Queued);

        var (response, body) = await host.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = Parser.ParseDocument(body);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        var notes = page.QuerySelectorAll("article.note");
        Assert.Equal(2, notes.Length);
        Assert.Equal(Lora.Title, notes[0].QuerySelector("h2")!.TextContent);
        var sam = notes[1];
        Assert.Equal(Sam2.Title, sam.QuerySelector("h2 a")!.TextContent);
        Assert.Equal($"/notes/{ids[0]}", sam.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Ada Lovelace, Alan Turing", sam.QuerySelector(".authors")!.TextContent);
        Assert.Equal("2024-05-20", sam.QuerySelector("time")!.TextContent);
        Assert.Equal("https://arxiv.org/abs/2408.00714", sam.QuerySelector(".links a")!.GetAttribute("href"));
        Assert.Equal("비디오", sam.QuerySelector(".commentary strong")!.TextContent);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", sam.QuerySelector(".commentary a")!.GetAttribute("href"));
        Assert.Contains("We present Segment Anything Model 2", sam.QuerySelector("details.abstract p")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["/tags/video-segmentation", "/tags/foundation-model"], sam.QuerySelectorAll("ul.tags a").Select(a => a.GetAttribute("href")));
        // The channels' own posts, not the copy a subscribed chat received.
        Assert.Equal(
            [$"https://t.me/digest_channel/{ids[0]}", $"https://example.slack.com/archives/C0123456789/p{ids[0]}"],
            sam.QuerySelectorAll(".posts a").Select(a => a.GetAttribute("href")));
        Assert.DoesNotContain(Queued.Title, body, StringComparison.Ordinal);
        Assert.DoesNotContain("t.me/c/999", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_note_has_a_permanent_page_with_opengraph_and_twitter_tags_and_a_queued_note_has_none()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Web:BaseUrl"] = "https://papers.example.org/", ["Web:Title"] = "Paper Notes" });
        var ids = await host.PostAsync(Sam2);
        var queued = await host.QueueAsync(Queued);

        var (response, body) = await host.GetAsync($"/notes/{ids[0]}");
        var (missing, _) = await host.GetAsync($"/notes/{queued[0]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(body);
        Assert.Equal(Sam2.Title, page.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{Sam2.Title} — Paper Notes", page.Title);
        Assert.Equal($"https://papers.example.org/notes/{ids[0]}", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"https://papers.example.org/notes/{ids[0]}", Meta(page, "property", "og:url"));
        Assert.Equal(Sam2.Title, Meta(page, "property", "og:title"));
        Assert.Equal("article", Meta(page, "property", "og:type"));
        Assert.Equal("Paper Notes", Meta(page, "property", "og:site_name"));
        Assert.Equal("SAM 2가 나왔군요. 비디오에 대한 확장입니다. 블로그", Meta(page, "property", "og:description"));
        Assert.Equal("summary", Meta(page, "name", "twitter:card"));
        Assert.Equal(Sam2.Title, Meta(page, "name", "twitter:title"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Tags_are_listed_biggest_first_and_a_tag_page_has_its_notes_a_monthly_chart_and_its_feed()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Lora);
        host.Time.Advance(TimeSpan.FromDays(62));
        await host.PostAsync(Sam2, Dpo);

        var (_, tagsBody) = await host.GetAsync("/tags");
        var (response, body) = await host.GetAsync("/tags/llm");

        var cloud = Parser.ParseDocument(tagsBody).QuerySelectorAll("ul.cloud a");
        Assert.Equal("#llm", cloud[0].TextContent);
        Assert.Equal("size-5", cloud[0].ClassName);
        Assert.Equal("size-1", cloud[^1].ClassName);
        Assert.Equal(5, cloud.Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(body);
        Assert.Equal("#llm", page.QuerySelector("h1")!.TextContent);
        Assert.Equal([Dpo.Title, Lora.Title], page.QuerySelectorAll("article.note h2").Select(h => h.TextContent));
        Assert.Equal("/tags/llm.atom", page.QuerySelector("link[rel=alternate][title='#llm']")!.GetAttribute("href"));
        // May, June (no notes), July: one bar per month, the empty one with no height.
        var bars = page.QuerySelectorAll("figure.chart svg rect");
        Assert.Equal(["2024-05: 1 note", "2024-06: 0 notes", "2024-07: 1 note"], bars.Select(b => b.QuerySelector("title")!.TextContent));
        Assert.Equal("0", bars[1].GetAttribute("height"));
        Assert.True(int.Parse(bars[0].GetAttribute("height")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Theory]
    [InlineData("/tags/LLM", "/tags/llm")]
    [InlineData("/tags/Video_Segmentation", "/tags/video-segmentation")]
    [InlineData("/tags/%23video_segmentation?page=1", "/tags/video-segmentation")]
    public async Task A_tag_written_as_tag_accepts_it_leads_to_its_one_address(string asked, string canonical)
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Sam2, Lora);

        var (response, _) = await host.GetAsync(asked);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(canonical, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_tag_is_a_404_page_with_the_closest_tags()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Sam2, Lora);

        var (response, body) = await host.GetAsync("/tags/video-segmentaton");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = Parser.ParseDocument(body);
        Assert.Contains("#video-segmentaton", page.QuerySelector("p.message")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/tags/video-segmentation", page.QuerySelector("ul.tags a")!.GetAttribute("href"));
        Assert.Equal("noindex", Meta(page, "name", "robots"));
    }

    [Fact]
    public async Task Search_finds_korean_words_in_posted_notes_only_and_pages()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Enumerable.Range(1, 12).Select(i => NoteFactory.Paper($"Paper {i}", $"2401.{i:00000}", ["llm"], $"데이터 엔진 {i}번째 노트")).ToArray());
        await host.QueueAsync(NoteFactory.Paper("Queued engine", "2401.99999", ["llm"], "데이터 엔진 대기 중"));

        var (response, body) = await host.GetAsync("/search?q=" + Uri.EscapeDataString("데이터 엔진"));
        var (_, second) = await host.GetAsync("/search?q=" + Uri.EscapeDataString("데이터 엔진") + "&page=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = Parser.ParseDocument(body);
        Assert.Equal("“데이터 엔진”: 12 notes", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(10, page.QuerySelectorAll("article.note").Length);
        Assert.Equal("데이터 엔진", ((IHtmlInputElement)page.QuerySelector("form.search input[name=q]")!).Value);
        Assert.Equal("/search?q=%EB%8D%B0%EC%9D%B4%ED%84%B0%20%EC%97%94%EC%A7%84&page=2", page.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(["Paper 2", "Paper 1"], Parser.ParseDocument(second).QuerySelectorAll("article.note h2").Select(h => h.TextContent));
        Assert.DoesNotContain("Queued engine", body + second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_front_page_pages_by_ten_and_a_page_past_the_end_is_404()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Enumerable.Range(1, 11).Select(i => NoteFactory.Paper($"Paper {i}", $"2402.{i:00000}")).ToArray());

        var (_, first) = await host.GetAsync("/");
        var (_, second) = await host.GetAsync("/?page=2");
        var (past, _) = await host.GetAsync("/?page=3");

        var firstPage = Parser.ParseDocument(first);
        Assert.Equal(10, firstPage.QuerySelectorAll("article.note").Length);
        Assert.Equal("/?page=2", firstPage.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("Page 1 of 2", firstPage.QuerySelector("nav.pager .where")!.TextContent);
        Assert.Equal(["Paper 1"], Parser.ParseDocument(second).QuerySelectorAll("article.note h2").Select(h => h.TextContent));
        Assert.Equal(HttpStatusCode.NotFound, past.StatusCode);
    }

    [Fact]
    public async Task Pages_forbid_scripts_and_the_stylesheet_is_ours_cached_at_its_versioned_address()
    {
        await using var host = await ArchiveHost.StartAsync();
        await host.PostAsync(Sam2);

        var (response, body) = await host.GetAsync("/");
        var sheet = Parser.ParseDocument(body).QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var (css, cssBody) = await host.GetAsync(sheet);
        var (unversioned, _) = await host.GetAsync("/site.css");

        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Matches("^/site.css\\?v=[0-9a-f]{12}$", sheet);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("prefers-color-scheme: dark", cssBody, StringComparison.Ordinal);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("no-cache", unversioned.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Pages_speak_korean_when_the_chat_does()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Chat:Language"] = "ko" });
        await host.PostAsync(Sam2);

        var (_, body) = await host.GetAsync("/");

        var page = Parser.ParseDocument(body);
        Assert.Equal("ko", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("태그", page.QuerySelectorAll("header nav a")[1].TextContent);
        Assert.Equal("초록", page.QuerySelector("details.abstract summary")!.TextContent);
        Assert.Equal("노트 1개", page.QuerySelector("p.summary")!.TextContent);
    }

    [Fact]
    public async Task With_the_archive_turned_off_its_addresses_are_not_served()
    {
        await using var host = await ArchiveHost.StartAsync(new Dictionary<string, string> { ["Web:Enabled"] = "false" });
        await host.PostAsync(Sam2);

        var (front, _) = await host.GetAsync("/");
        var (feed, _) = await host.GetAsync("/feed.atom");
        var (health, healthBody) = await host.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.NotFound, front.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, feed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("ok", healthBody);
    }

    internal static string? Meta(IHtmlDocument page, string attribute, string key) =>
        page.QuerySelector($"meta[{attribute}='{key}']")?.GetAttribute("content");
}
