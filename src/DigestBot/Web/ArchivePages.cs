using System.Globalization;
using DigestBot.Formatting;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.AspNetCore.Html;

namespace DigestBot.Web;

/// <summary>
/// Turns what the store holds into the pages' models, the same for the server and the static export; only the
/// <see cref="ArchiveLinks"/> differ. <paramref name="site"/> is the archive's absolute address when known (for
/// canonical links and OpenGraph), else null.
/// </summary>
internal sealed class ArchivePages(WebOptions options, ArchiveText text, ArchiveLinks links, Uri? site)
{
    public const int PageSize = 10;

    public ArchiveText Text => text;

    public WebOptions Options => options;

    public ArchiveLinks Links => links;

    /// <summary>The same links, absolute, when the archive knows its address.</summary>
    private readonly ArchiveLinks? absolute = site is null ? null : ArchiveLinks.At(site, links.IsStatic);

    public ListPage Front(IReadOnlyList<StoredNote> notes, int page, int pageCount, int total) =>
        new(Frame(options.Title, page > 1) with { Canonical = absolute?.Home(page) }, options.Title)
        {
            Summary = total == 0 ? text.NothingPosted : Counted(total, page, pageCount),
            Notes = Cards(notes),
            Pager = Pager(page, pageCount, links.Home),
        };

    public ListPage Tag(string tag, IReadOnlyList<StoredNote> notes, int page, int pageCount, int total, IReadOnlyList<(string Month, int Notes)> months) =>
        new(Frame("#" + tag, page > 1) with
        {
            PageFeed = links.TagFeed(tag),
            Canonical = absolute?.Tag(tag, page),
        }, "#" + tag)
        {
            Summary = Counted(total, page, pageCount),
            Notes = Cards(notes),
            Pager = Pager(page, pageCount, p => links.Tag(tag, p)),
            Chart = MonthChartLayout.Draw(months, text),
        };

    public ListPage Search(string words, IReadOnlyList<StoredNote> notes, int page, int pageCount, int total, bool more)
    {
        var frame = Frame(text.Search, noIndex: true) with { Query = words };
        if (words.Length == 0)
        {
            return new ListPage(frame, text.Search) { Summary = text.SearchPrompt };
        }

        if (total == 0)
        {
            return new ListPage(frame, text.Search) { Summary = text.NothingFound(words) };
        }

        return new ListPage(frame with { Title = $"{text.Search}: {words}" }, text.Found(words, total, more))
        {
            Summary = pageCount > 1 ? text.PageOf(page, pageCount) : null,
            Notes = Cards(notes),
            Pager = Pager(page, pageCount, p => links.Search(words, p)),
        };
    }

    public NotePage Note(StoredNote note)
    {
        var card = Card(note) with { IsPage = true };
        var description = TextCut.WithEllipsis(Plain(note.Note.Commentary.Length > 0 ? note.Note.Commentary : note.Note.Abstract), 200);
        var url = absolute?.Note(note.Id);
        var meta = new List<MetaTag>
        {
            new("og:type", "article"),
            new("og:site_name", options.Title),
            new("og:title", note.Note.Title),
            new("og:description", description),
            new("twitter:card", "summary"),
            new("twitter:title", note.Note.Title),
            new("twitter:description", description),
        };
        if (url is not null)
        {
            meta.Insert(0, new MetaTag("og:url", url));
        }

        if (PostedAt(note) is { } posted)
        {
            meta.Add(new MetaTag("article:published_time", posted.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        }

        return new NotePage(Frame(note.Note.Title) with { Description = description, Canonical = url, Meta = meta }, card);
    }

    public TagsPage Tags(IReadOnlyList<TagCount> tags)
    {
        var biggest = tags.Count == 0 ? 1 : tags.Max(t => t.Posted);
        var items = tags
            .OrderByDescending(t => t.Posted)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)
            .Select(t => new TagCloudItem(t.Tag, links.Tag(t.Tag), t.Posted, Size(t.Posted, biggest)))
            .ToList();
        return new TagsPage(Frame(text.Tags) with { Canonical = absolute?.Tags() }, text.Tags, items);
    }

    public MessagePage Message(string heading, string message, IReadOnlyList<LinkView>? onward = null, string? onwardHeading = null) =>
        new(Frame(heading, noIndex: true), heading, message) { Links = onward ?? [], LinksHeading = onwardHeading };

    public NoteCard Card(StoredNote stored)
    {
        var note = stored.Note;
        var web = note.Links.Where(WebLink.IsWeb).ToList();
        var posted = PostedAt(stored);
        return new NoteCard(text, stored.Id, note.Title, links.Note(stored.Id))
        {
            Authors = string.Join(", ", note.Authors),
            Date = posted?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            DateTime = posted?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "",
            Paper = note.PaperLink is { } paper && WebLink.IsWeb(paper) ? new LinkView(paper, WebLink.Display(paper)) : null,
            Links = web.Skip(note.PaperLink == web.FirstOrDefault() ? 1 : 0).Select(l => new LinkView(l, WebLink.Display(l))).ToList(),
            Commentary = new HtmlString(ArchiveMarkdown.ToHtml(note.Commentary)),
            Abstract = note.Abstract,
            Tags = note.Tags.Select(t => new LinkView(links.Tag(t), "#" + t)).ToList(),
            TelegramPost = ChannelPost(stored, DestinationKey.Telegram),
            SlackPost = ChannelPost(stored, DestinationKey.Slack),
        };
    }

    /// <summary>When the note was first posted anywhere: the store's <c>posted_at</c>, which is its first sent delivery.</summary>
    public static DateTimeOffset? PostedAt(StoredNote note) =>
        note.Deliveries.Where(d => d.State == DeliveryState.Sent && d.SentAt is not null).Select(d => d.SentAt).Min();

    public PageFrame Frame(string title, bool noIndex = false) =>
        new(text, options.Title, title, options.Description)
        {
            StyleSheet = links.StyleSheet(),
            Home = links.Home(),
            Tags = links.Tags(),
            Search = links.Search(),
            Feed = links.Feed(),
            NoIndex = noIndex,
        };

    /// <summary>The post in the configured channel (not a subscriber's copy), when it has a web link.</summary>
    private static string? ChannelPost(StoredNote note, string platform) =>
        note.Deliveries
            .Where(d => d.State == DeliveryState.Sent
                && DestinationKey.TryParse(d.Destination, out var key) && key.IsChannelOf(platform)
                && WebLink.IsWeb(d.Permalink))
            .Select(d => d.Permalink)
            .FirstOrDefault();

    private List<NoteCard> Cards(IReadOnlyList<StoredNote> notes) => notes.Select(Card).ToList();

    private string Counted(int total, int page, int pageCount) =>
        pageCount > 1 ? $"{text.NoteCount(total)} · {text.PageOf(page, pageCount)}" : text.NoteCount(total);

    private static Pager Pager(int page, int pageCount, Func<int, string> at) =>
        new(page, pageCount, page > 1 ? at(page - 1) : null, page < pageCount ? at(page + 1) : null);

    private static int Size(int count, int biggest) =>
        biggest <= 1 ? 1 : Math.Clamp(1 + (int)Math.Floor(4 * Math.Log(count) / Math.Log(biggest)), 1, 5);

    private static string Plain(string markdown) =>
        string.Join(' ', ArchiveMarkdown.ToPlainText(markdown).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
