using System.Text.Encodings.Web;
using System.Text.Unicode;
using DigestBot.Web.Pages;
using RazorSlices;

namespace DigestBot.Web;

/// <summary>Renders the archive's templates (<c>Web/Pages</c>) to UTF-8 bytes, for the server and the static export alike.</summary>
internal static class ArchiveRenderer
{
    /// <summary>Escapes markup, but writes Korean and every other script as itself rather than as numeric entities.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    public static Task<byte[]> ListAsync(ListPage page, CancellationToken ct) => RenderAsync(ListView.Create(page), ct);

    public static Task<byte[]> NoteAsync(NotePage page, CancellationToken ct) => RenderAsync(NoteView.Create(page), ct);

    public static Task<byte[]> TagsAsync(TagsPage page, CancellationToken ct) => RenderAsync(TagsView.Create(page), ct);

    public static Task<byte[]> MessageAsync(MessagePage page, CancellationToken ct) => RenderAsync(MessageView.Create(page), ct);

    /// <summary>A note as a feed entry's HTML content.</summary>
    public static async Task<string> FeedEntryAsync(NoteCard note, CancellationToken ct)
    {
        var html = new System.Text.StringBuilder();
        await FeedEntryView.Create(note).RenderAsync(html, Encoder, ct);
        return html.ToString();
    }

    private static async Task<byte[]> RenderAsync(RazorSlice slice, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await slice.RenderAsync(buffer, Encoder, ct);
        return buffer.ToArray();
    }
}
