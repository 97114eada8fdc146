using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DigestBot.Storage;

namespace DigestBot.Web;

/// <summary>
/// An Atom 1.0 feed of posted notes through <see cref="Atom10FeedFormatter"/>: each note whole as <c>content
/// type="html"</c>, its page as the <c>alternate</c> link, the paper as <c>related</c>, and an id that stays the same
/// whether the note was read from the server or from the static export.
/// </summary>
internal static class ArchiveFeed
{
    /// <summary>Entries in a feed: the newest posts, as feed readers poll for what is new.</summary>
    public const int Size = 50;

    /// <param name="pages">Pages whose links are absolute (<see cref="ArchiveLinks.At"/>).</param>
    /// <param name="site">The archive's absolute address, ending in <c>/</c>.</param>
    /// <param name="self">The feed's own path under <paramref name="site"/>: <c>feed.atom</c>, <c>tags/llm.atom</c>.</param>
    /// <param name="alternate">The page the feed follows, absolute.</param>
    public static async Task<byte[]> WriteAsync(
        ArchivePages pages, Uri site, string title, string self, string alternate, IReadOnlyList<StoredNote> notes, CancellationToken ct)
    {
        var updated = notes.Select(ArchivePages.PostedAt).Max() ?? DateTimeOffset.UnixEpoch;
        var selfUri = new Uri(site, self);
        var feed = new SyndicationFeed(title, pages.Options.Description, new Uri(alternate), selfUri.AbsoluteUri, updated)
        {
            Language = pages.Text.Language,
            Generator = "DigestBot",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(selfUri, "application/atom+xml"));
        // RFC 4287 wants an author on the feed or on every entry; a note may name none.
        feed.Authors.Add(new SyndicationPerson { Name = pages.Options.Title, Uri = site.AbsoluteUri });

        var items = new List<SyndicationItem>(notes.Count);
        foreach (var note in notes)
        {
            items.Add(await ItemAsync(pages, site, note, ct));
        }

        feed.Items = items;
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A note's id in every feed: its address at the archive's root, which the server and the export share.</summary>
    public static string EntryId(Uri site, long id) => new Uri(site, string.Create(CultureInfo.InvariantCulture, $"notes/{id}")).AbsoluteUri;

    private static async Task<SyndicationItem> ItemAsync(ArchivePages pages, Uri site, StoredNote note, CancellationToken ct)
    {
        var card = pages.Card(note);
        var posted = ArchivePages.PostedAt(note) ?? DateTimeOffset.UnixEpoch;
        var item = new SyndicationItem
        {
            Id = EntryId(site, note.Id),
            Title = new TextSyndicationContent(note.Note.Title),
            Content = new TextSyndicationContent(await ArchiveRenderer.FeedEntryAsync(card, ct), TextSyndicationContentKind.Html),
            LastUpdatedTime = posted,
            PublishDate = posted,
        };
        item.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(card.Href), "text/html"));
        if (card.Paper is { } paper)
        {
            item.Links.Add(new SyndicationLink(new Uri(paper.Href), "related", paper.Text, null, 0));
        }

        foreach (var author in note.Note.Authors)
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }

        foreach (var tag in card.Tags)
        {
            item.Categories.Add(new SyndicationCategory(tag.Text[1..], pages.Links.Tags(), tag.Text));
        }

        return item;
    }
}
