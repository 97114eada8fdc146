using System.Globalization;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>
/// <c>site &lt;folder&gt;</c>: the archive as static files, for GitHub Pages or any static host. The same pages as the
/// server's, with links relative to each page and an <c>index.html</c> per folder; feeds when <c>Web:BaseUrl</c> says
/// where the files will be served (a feed's links must be absolute). Search needs the server, so the files leave it out.
/// What an earlier run wrote and the archive no longer has (a withdrawn note's page) is removed.
/// </summary>
internal sealed class SiteExport(ArchiveStore archive, IOptions<WebOptions> options, ArchiveText text)
{
    public async Task<SiteFiles> WriteAsync(string folder, CancellationToken ct)
    {
        var files = new SiteFiles(folder);
        var site = options.Value.BaseUri;
        var notes = await archive.AllAsync(ct);
        var byTag = notes
            .SelectMany(n => n.Note.Tags.Select(t => (Tag: t, Note: n)))
            .GroupBy(x => x.Tag, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StoredNote>)g.Select(x => x.Note).ToList(), StringComparer.Ordinal);

        await files.WriteAsync(StyleSheetFile.Name, StyleSheetFile.Bytes, ct);
        await WriteListAsync(files, "", notes, site, (pages, shown, page, count) => pages.Front(shown, page, count, notes.Count), ct);
        foreach (var note in notes)
        {
            var pages = Pages(depth: 2, site);
            await files.WriteAsync(Invariant($"notes/{note.Id}/index.html"), await ArchiveRenderer.NoteAsync(pages.Note(note), ct), ct);
        }

        var counts = byTag.Select(t => new TagCount(t.Key, t.Value.Count, 0)).ToList();
        await files.WriteAsync("tags/index.html", await ArchiveRenderer.TagsAsync(Pages(depth: 1, site).Tags(counts), ct), ct);
        foreach (var (tag, tagged) in byTag)
        {
            var months = tagged
                .Select(n => ArchivePages.PostedAt(n)?.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))
                .OfType<string>()
                .GroupBy(m => m, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count()))
                .ToList();
            await WriteListAsync(files, $"tags/{ArchiveLinks.FileSegment(tag)}/", tagged, site, (pages, shown, page, count) => pages.Tag(tag, shown, page, count, tagged.Count, months), ct);
        }

        if (site is not null)
        {
            var pages = new ArchivePages(options.Value, text, ArchiveLinks.At(site, files: true), site);
            await files.WriteAsync("feed.atom", await ArchiveFeed.WriteAsync(pages, site, options.Value.Title, "feed.atom", pages.Links.Home(), notes.Take(ArchiveFeed.Size).ToList(), ct), ct);
            foreach (var (tag, tagged) in byTag)
            {
                var self = $"tags/{Uri.EscapeDataString(ArchiveLinks.FileSegment(tag))}.atom";
                var feed = await ArchiveFeed.WriteAsync(pages, site, "#" + tag, self, pages.Links.Tag(tag), tagged.Take(ArchiveFeed.Size).ToList(), ct);
                await files.WriteAsync($"tags/{ArchiveLinks.FileSegment(tag)}.atom", feed, ct);
            }
        }

        files.RemoveTheRest();
        return files;
    }

    /// <summary>A paged list: its first page at <paramref name="folder"/>, the rest at <c>page/N/</c> under it.</summary>
    private async Task WriteListAsync(
        SiteFiles files, string folder, IReadOnlyList<StoredNote> notes, Uri? site, Func<ArchivePages, IReadOnlyList<StoredNote>, int, int, ListPage> page, CancellationToken ct)
    {
        var depth = folder.Count(c => c == '/');
        var count = PageNumber.Count(notes.Count, ArchivePages.PageSize);
        for (var number = 1; number <= count; number++)
        {
            var shown = notes.Skip((number - 1) * ArchivePages.PageSize).Take(ArchivePages.PageSize).ToList();
            var path = number == 1 ? folder : folder + Invariant($"page/{number}/");
            var pages = Pages(number == 1 ? depth : depth + 2, site);
            await files.WriteAsync(path + "index.html", await ArchiveRenderer.ListAsync(page(pages, shown, number, count), ct), ct);
        }
    }

    private ArchivePages Pages(int depth, Uri? site) => new(options.Value, text, ArchiveLinks.Static(depth), site);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
