using System.Reflection;
using System.Text;
using DigestBot.Chat;
using DigestBot.Notes;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>
/// The archive as the bot's web server answers it: reads the store, builds the page with <see cref="ArchivePages"/>,
/// renders it. Whatever a request holds, the answer is a page: 200, a 301 to a tag's canonical spelling, 400 for a
/// page number or search it cannot read, 404 for what does not exist.
/// </summary>
internal sealed class ArchiveSite(ArchiveStore archive, NoteStore notes, FeedCache feeds, IOptions<WebOptions> options, ArchiveText text)
{
    /// <summary>Longer searches are refused: no note is found by a paragraph, and the search index splits what it is given.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>No tag is this long; longer ones are looked up no further.</summary>
    public const int MaxTagLength = 100;

    private const int PageSize = ArchivePages.PageSize;

    public async Task<IResult> FrontAsync(HttpRequest request, string? page, CancellationToken ct)
    {
        var pages = Pages(request);
        if (!PageNumber.TryParse(page, out var number))
        {
            return await MessageAsync(400, pages, text.BadRequest, text.BadPage(Cut(page!)), ct);
        }

        var total = await archive.CountAsync(ct);
        var count = PageNumber.Count(total, PageSize);
        if (number > count)
        {
            return await MessageAsync(404, pages, text.NotFound, text.NoPage(Cut(page!), count), ct);
        }

        var shown = await archive.NewestAsync((number - 1) * PageSize, PageSize, ct);
        return Html(await ArchiveRenderer.ListAsync(pages.Front(shown, number, count, total), ct), shown);
    }

    public async Task<IResult> NoteAsync(HttpRequest request, string id, CancellationToken ct)
    {
        var pages = Pages(request);
        var found = id.Length <= 19 && id.All(char.IsAsciiDigit) && long.TryParse(id, out var number)
            ? await archive.FindAsync(number, ct)
            : null;
        if (found is null)
        {
            return await MessageAsync(404, pages, text.NotFound, text.NoNote(Cut(id)), ct);
        }

        return Html(await ArchiveRenderer.NoteAsync(pages.Note(found), ct), [found]);
    }

    public async Task<IResult> TagsAsync(HttpRequest request, CancellationToken ct) =>
        new ArchiveResponse(200, ArchiveResponse.Html, await ArchiveRenderer.TagsAsync(Pages(request).Tags(await archive.TagsAsync(ct)), ct));

    /// <summary><c>/tags/{tag}</c>, and <c>/tags/{tag}.atom</c> for its feed.</summary>
    public async Task<IResult> TagAsync(HttpRequest request, string raw, string? page, CancellationToken ct)
    {
        var pages = Pages(request);
        var feed = raw.EndsWith(".atom", StringComparison.Ordinal);
        var tag = Tag.Canonical(feed ? raw[..^".atom".Length] : raw);
        if (tag.Length is 0 or > MaxTagLength || await archive.TagCountAsync(tag, ct) is not (> 0 and var total))
        {
            return await UnknownTagAsync(pages, tag, ct);
        }

        if (feed)
        {
            return await FeedAsync(request, tag, $"tags/{Uri.EscapeDataString(tag)}.atom", "#" + tag, l => l.Tag(tag), ct);
        }

        if (!PageNumber.TryParse(page, out var number))
        {
            return await MessageAsync(400, pages, text.BadRequest, text.BadPage(Cut(page!)), ct);
        }

        // The spelling /tag accepts (Video_Segmentation, #LLM) leads to the one address a link should keep.
        if (tag != raw)
        {
            return Results.Redirect(pages.Links.Tag(tag, number), permanent: true);
        }

        var count = PageNumber.Count(total, PageSize);
        if (number > count)
        {
            return await MessageAsync(404, pages, text.NotFound, text.NoPage(Cut(page!), count), ct);
        }

        var shown = await archive.ByTagAsync(tag, (number - 1) * PageSize, PageSize, ct);
        var months = await archive.MonthsAsync(tag, ct);
        return Html(await ArchiveRenderer.ListAsync(pages.Tag(tag, shown, number, count, total, months), ct), shown);
    }

    public async Task<IResult> SearchAsync(HttpRequest request, string? q, string? page, CancellationToken ct)
    {
        var pages = Pages(request);
        var words = (q ?? "").Trim();
        if (words.Length > MaxSearchLength)
        {
            return await MessageAsync(400, pages, text.BadRequest, text.SearchTooLong(MaxSearchLength), ct);
        }

        if (!PageNumber.TryParse(page, out var number))
        {
            return await MessageAsync(400, pages, text.BadRequest, text.BadPage(Cut(page!)), ct);
        }

        if (words.Length == 0)
        {
            return Html(await ArchiveRenderer.ListAsync(pages.Search("", [], 1, 1, 0, false), ct), []);
        }

        var found = await notes.SearchPageAsync(words, includeQueued: false, number, PageSize, ct);
        if (found.Total > 0 && number > found.PageCount)
        {
            return await MessageAsync(404, pages, text.NotFound, text.NoPage(Cut(page!), found.PageCount), ct);
        }

        var shown = await archive.FindAllAsync(found.Notes.Select(n => n.Id).ToList(), ct);
        return Html(await ArchiveRenderer.ListAsync(pages.Search(words, shown, found.Page, found.PageCount, found.Total, found.MoreThanTotal), ct), shown);
    }

    public Task<IResult> FeedAsync(HttpRequest request, CancellationToken ct) =>
        FeedAsync(request, null, "feed.atom", options.Value.Title, l => l.Home(), ct);

    public static IResult StyleSheet(string? version) =>
        new ArchiveResponse(200, ArchiveResponse.Css, StyleSheetFile.Bytes)
        {
            // Pages ask for it by its version, so a new stylesheet has a new address and the old one can be kept.
            CacheControl = version == StyleSheetFile.Version ? "public, max-age=31536000, immutable" : "no-cache",
        };

    /// <summary>The page for an error the archive did not expect; the error itself goes to the log.</summary>
    public async Task<IResult> ErrorAsync(HttpRequest request, CancellationToken ct) =>
        await MessageAsync(500, Pages(request), text.ServerError, text.ServerError, ct);

    /// <summary>
    /// A feed, or 304 without rendering it: its validator comes from what it would show (<see cref="ArchiveStore.FeedVersionAsync"/>),
    /// its address and title, and the program's build, so a poll that changes nothing costs a few index reads.
    /// </summary>
    private async Task<IResult> FeedAsync(
        HttpRequest request, string? tag, string self, string title, Func<ArchiveLinks, string> alternate, CancellationToken ct)
    {
        var site = Site(request);
        var (version, newest) = await archive.FeedVersionAsync(tag, ArchiveFeed.Size, ct);
        var etag = ArchiveResponse.Tag(Encoding.UTF8.GetBytes(
            string.Join('\n', Build, site.AbsoluteUri, self, title, options.Value.Title, options.Value.Description, text.Language, version)));
        if (ConditionalGet.NotModified(request, etag, newest))
        {
            return new ArchiveResponse(200, ArchiveResponse.Atom, []) { ETag = etag, LastModified = newest };
        }

        var body = await feeds.GetAsync(new Uri(site, self).AbsoluteUri, etag, async () =>
        {
            var shown = tag is null ? await archive.NewestAsync(0, ArchiveFeed.Size, ct) : await archive.ByTagAsync(tag, 0, ArchiveFeed.Size, ct);
            var pages = new ArchivePages(options.Value, text, ArchiveLinks.At(site, files: false), site);
            return await ArchiveFeed.WriteAsync(pages, site, title, self, alternate(pages.Links), shown, ct);
        });
        return new ArchiveResponse(200, ArchiveResponse.Atom, body) { ETag = etag, LastModified = newest };
    }

    /// <summary>The program's version with its commit, so a new build's feeds are fetched anew.</summary>
    private static readonly string Build =
        typeof(ArchiveSite).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";

    private async Task<IResult> UnknownTagAsync(ArchivePages pages, string tag, CancellationToken ct)
    {
        var closest = tag.Length is 0 or > MaxTagLength
            ? []
            : TagSuggestions.Closest(tag, (await archive.TagsAsync(ct)).Select(t => t.Tag));
        var onward = closest.Select(t => new LinkView(pages.Links.Tag(t), "#" + t)).Append(new LinkView(pages.Links.Tags(), text.SeeAllTags)).ToList();
        var shown = Cut(tag);
        return new ArchiveResponse(404, ArchiveResponse.Html, await ArchiveRenderer.MessageAsync(
            pages.Message(text.NotFound, text.NoTag(shown), onward, closest.Count > 0 ? text.ClosestTags : null), ct));
    }

    private static async Task<IResult> MessageAsync(int status, ArchivePages pages, string heading, string message, CancellationToken ct) =>
        new ArchiveResponse(status, ArchiveResponse.Html, await ArchiveRenderer.MessageAsync(pages.Message(heading, message), ct));

    /// <summary>What a reader typed, short enough to quote back.</summary>
    private static string Cut(string typed) => typed.Length > 40 ? typed[..40] + "…" : typed;

    private static ArchiveResponse Html(byte[] body, IReadOnlyList<StoredNote> shown) =>
        new(200, ArchiveResponse.Html, body) { LastModified = Newest(shown) };

    private static DateTimeOffset? Newest(IReadOnlyList<StoredNote> shown) => shown.Select(ArchivePages.PostedAt).Max();

    /// <summary>Pages for this request: links from the server's root, absolute ones from <c>Web:BaseUrl</c> or the request.</summary>
    private ArchivePages Pages(HttpRequest request)
    {
        var site = Site(request);
        return new ArchivePages(options.Value, text, ArchiveLinks.Server(site.AbsolutePath), site);
    }

    private Uri Site(HttpRequest request) =>
        options.Value.BaseUri
        ?? (Uri.TryCreate($"{request.Scheme}://{request.Host}{request.PathBase}/", UriKind.Absolute, out var from) ? from : new Uri("http://localhost/"));
}
