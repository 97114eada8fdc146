using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using AngleSharp.Html.Parser;
using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Web;

/// <summary><c>site</c>: the same pages as files, linked relatively, written again only where they changed.</summary>
public sealed class SiteExportTests : IDisposable
{
    private static readonly HtmlParser Parser = new();

    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 7, 30, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task Every_page_is_an_index_html_in_its_folder_and_every_link_between_them_resolves()
    {
        await using var services = Services();
        var ids = await PostAsync(services, Enumerable.Range(1, 11).Select(i => NoteFactory.Paper($"Paper {i}", $"2403.{i:00000}", ["llm", "멀티모달"])).ToArray());
        await services.GetRequiredService<NoteStore>().ImportAsync([WebArchiveTests.Queued], CancellationToken.None);

        var files = await services.GetRequiredService<SiteExport>().WriteAsync(Site, CancellationToken.None);

        foreach (var expected in new[] { "index.html", "page/2/index.html", $"notes/{ids[0]}/index.html", "tags/index.html", "tags/llm/index.html", "tags/llm/page/2/index.html", "tags/멀티모달/index.html", "site.css" })
        {
            Assert.True(File.Exists(Path.Combine(Site, expected)), expected);
        }

        Assert.False(files.HasFeeds);
        Assert.False(Directory.Exists(Path.Combine(Site, "search")));
        var pages = Directory.GetFiles(Site, "*.html", SearchOption.AllDirectories);
        Assert.Equal(1 + 1 + 11 + 1 + 2 + 2, pages.Length);
        foreach (var page in pages)
        {
            var document = Parser.ParseDocument(await File.ReadAllTextAsync(page));
            Assert.Null(document.QuerySelector("form"));
            HostileInputTests.AssertInert(document, page);
            foreach (var target in document.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith("http", StringComparison.Ordinal)))
            {
                Assert.False(target.StartsWith('/'), $"{page}: {target} is not relative");
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(target)));
                Assert.True(File.Exists(resolved) || File.Exists(Path.Combine(resolved, "index.html")) || (target.EndsWith(".atom", StringComparison.Ordinal) && !files.HasFeeds), $"{page}: {target} leads nowhere");
            }
        }

        var front = Parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, "index.html")));
        Assert.Equal("./page/2/", front.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"./notes/{ids[^1]}/", front.QuerySelector("article.note h2 a")!.GetAttribute("href"));
        Assert.Equal("./site.css", front.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        var note = Parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, $"notes/{ids[0]}/index.html")));
        Assert.Equal("../../tags/%EB%A9%80%ED%8B%B0%EB%AA%A8%EB%8B%AC/", note.QuerySelectorAll("ul.tags a")[1].GetAttribute("href"));
        Assert.DoesNotContain(WebArchiveTests.Queued.Title, string.Concat(pages.Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_it_again_writes_nothing_and_after_a_post_only_what_changed()
    {
        await using var services = Services();
        await PostAsync(services, WebArchiveTests.Sam2, WebArchiveTests.Lora);
        var export = services.GetRequiredService<SiteExport>();

        var first = await export.WriteAsync(Site, CancellationToken.None);
        var stamps = Directory.GetFiles(Site, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = await export.WriteAsync(Site, CancellationToken.None);
        var untouched = stamps.All(s => s.Value == File.GetLastWriteTimeUtc(s.Key));
        time.Advance(TimeSpan.FromDays(1));
        await PostAsync(services, WebArchiveTests.Dpo);
        var third = await export.WriteAsync(Site, CancellationToken.None);

        Assert.Equal(0, first.Unchanged);
        Assert.Equal(0, second.Written);
        Assert.Equal(first.Written, second.Unchanged);
        Assert.True(untouched, "the second run rewrote a file");
        // New: the note, #alignment's page and feed-less front, #llm's page; the tags page's counts. Unchanged: the others' note pages, #video-segmentation.
        Assert.Equal(["index.html", $"notes/3/index.html", "tags/alignment/index.html", "tags/index.html", "tags/llm/index.html"],
            Directory.GetFiles(Site, "*", SearchOption.AllDirectories)
                .Where(f => !stamps.TryGetValue(f, out var stamp) || stamp != File.GetLastWriteTimeUtc(f))
                .Select(f => Path.GetRelativePath(Site, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));
        Assert.Equal(5, third.Written);
    }

    [Fact]
    public async Task A_withdrawn_notes_page_and_a_tag_left_empty_are_removed_and_files_the_export_did_not_write_stay()
    {
        await using var services = Services(new Dictionary<string, string?> { ["Web:BaseUrl"] = "https://you.github.io/papers" });
        var ids = await PostAsync(services, WebArchiveTests.Sam2, WebArchiveTests.Lora, WebArchiveTests.Dpo);
        var export = services.GetRequiredService<SiteExport>();
        await export.WriteAsync(Site, CancellationToken.None);
        var dpo = ids[2];
        Assert.True(File.Exists(Path.Combine(Site, $"notes/{dpo}/index.html")));
        Assert.True(File.Exists(Path.Combine(Site, "tags/alignment.atom")));
        File.WriteAllText(Path.Combine(Site, "CNAME"), "papers.example.org");
        File.WriteAllText(Path.Combine(Site, "notes", "README.md"), "손으로 쓴 설명");
        File.WriteAllText(Path.Combine(Site, $"notes/{dpo}/notes.txt"), "큐레이터의 메모");

        Assert.Equal(CurationOutcome.Done, (await services.GetRequiredService<NoteCuration>().WithdrawAsync(dpo, "cli", CancellationToken.None)).Outcome);
        var again = await export.WriteAsync(Site, CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(Site, $"notes/{dpo}/index.html")));
        Assert.False(Directory.Exists(Path.Combine(Site, "tags/alignment")));
        Assert.False(File.Exists(Path.Combine(Site, "tags/alignment.atom")));
        Assert.Equal(3, again.Removed);
        Assert.True(File.Exists(Path.Combine(Site, "tags/llm/index.html")));
        Assert.True(File.Exists(Path.Combine(Site, $"notes/{ids[0]}/index.html")));
        Assert.Equal("papers.example.org", File.ReadAllText(Path.Combine(Site, "CNAME")));
        Assert.Equal("손으로 쓴 설명", File.ReadAllText(Path.Combine(Site, "notes", "README.md")));
        Assert.Equal("큐레이터의 메모", File.ReadAllText(Path.Combine(Site, $"notes/{dpo}/notes.txt")));
        Assert.DoesNotContain(WebArchiveTests.Dpo.Title, string.Concat(Directory.GetFiles(Site, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".atom", StringComparison.Ordinal)).Select(File.ReadAllText)), StringComparison.Ordinal);
        Assert.Equal(0, (await export.WriteAsync(Site, CancellationToken.None)).Removed);
    }

    [Fact]
    public async Task With_its_address_known_it_writes_feeds_whose_ids_match_the_servers()
    {
        await using var services = Services(new Dictionary<string, string?> { ["Web:BaseUrl"] = "https://you.github.io/papers" });
        var ids = await PostAsync(services, WebArchiveTests.Sam2, WebArchiveTests.Lora);

        var files = await services.GetRequiredService<SiteExport>().WriteAsync(Site, CancellationToken.None);

        Assert.True(files.HasFeeds);
        var feed = Read(Path.Combine(Site, "feed.atom"));
        Assert.Equal("https://you.github.io/papers/feed.atom", feed.Id);
        Assert.Equal(
            [$"https://you.github.io/papers/notes/{ids[1]}", $"https://you.github.io/papers/notes/{ids[0]}"],
            feed.Items.Select(i => i.Id));
        Assert.Equal($"https://you.github.io/papers/notes/{ids[0]}/", feed.Items.Last().Links.Single(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        Assert.Equal([WebArchiveTests.Lora.Title], Read(Path.Combine(Site, "tags/llm.atom")).Items.Select(i => i.Title.Text));
        var note = Parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(Site, $"notes/{ids[0]}/index.html")));
        Assert.Equal($"https://you.github.io/papers/notes/{ids[0]}/", note.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal($"https://you.github.io/papers/notes/{ids[0]}/", WebArchiveTests.Meta(note, "property", "og:url"));
    }

    [Fact]
    public async Task A_tag_shaped_like_a_path_stays_inside_the_folder()
    {
        await using var services = Services();
        await PostAsync(services, NoteFactory.Paper("Escaping tags", "2404.00001", ["../../outside", "a/b", "..", "<script>"]));

        await services.GetRequiredService<SiteExport>().WriteAsync(Site, CancellationToken.None);

        var written = Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(Path.Combine(folder.Path, "data"), StringComparison.Ordinal))
            .ToList();
        Assert.All(written, f => Assert.StartsWith(Site + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(Site, "tags", "%2E%2E%2F%2E%2E%2Foutside", "index.html")));
        Assert.True(File.Exists(Path.Combine(Site, "tags", "a%2Fb", "index.html")));
        Assert.True(File.Exists(Path.Combine(Site, "tags", "%2E%2E", "index.html")));
        Assert.True(File.Exists(Path.Combine(Site, "tags", "%3Cscript%3E", "index.html")));
    }

    private string Site => folder.File("site");

    private ServiceProvider Services(IDictionary<string, string?>? settings = null) => TestServices.Create(folder, settings, time);

    private static async Task<IReadOnlyList<long>> PostAsync(ServiceProvider services, params Note[] notes)
    {
        await services.GetRequiredService<NoteStore>().ImportAsync(notes, CancellationToken.None);
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var taken = await deliveries.TakeForSlotAsync(notes.Length, [new FakeChannelDestination(ArchiveHost.ChannelKey)], null, CancellationToken.None);
        foreach (var note in taken)
        {
            await deliveries.MarkSentAsync(note.Id, ArchiveHost.ChannelKey, "https://t.me/digest_channel/" + note.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        }

        return taken.Select(t => t.Id).ToList();
    }

    private static SyndicationFeed Read(string path)
    {
        using var reader = XmlReader.Create(path);
        return SyndicationFeed.Load(reader);
    }
}
