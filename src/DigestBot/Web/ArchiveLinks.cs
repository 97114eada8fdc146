using System.Globalization;
using System.Text;

namespace DigestBot.Web;

/// <summary>
/// The archive's addresses as one page links to them. The server links from its root (<c>/notes/12</c>, paged with
/// <c>?page=2</c>); the static export links relative to the page's own folder (<c>../../notes/12/</c>, paged as
/// <c>page/2/</c>), so the files work wherever they are hosted.
/// </summary>
internal sealed class ArchiveLinks
{
    private readonly string root;
    private readonly bool files;

    private ArchiveLinks(string root, bool files)
    {
        this.root = root;
        this.files = files;
    }

    /// <summary>Links of the server, under <paramref name="pathBase"/> ("" or "/digest").</summary>
    public static ArchiveLinks Server(string pathBase) => new(pathBase.TrimEnd('/') + "/", files: false);

    /// <summary>Links of a static page that lies <paramref name="depth"/> folders below the site's root.</summary>
    public static ArchiveLinks Static(int depth) => new(depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth)), files: true);

    /// <summary>Absolute links under <paramref name="site"/> (ending in <c>/</c>), as feeds need: the server's or the export's.</summary>
    public static ArchiveLinks At(Uri site, bool files) => new(site.AbsoluteUri, files);

    public bool IsStatic => files;

    public string Home(int page = 1) =>
        page <= 1 ? root
        : files ? root + Invariant($"page/{page}/")
        : root + Invariant($"?page={page}");

    public string Note(long id) => root + (files ? Invariant($"notes/{id}/") : Invariant($"notes/{id}"));

    public string Tags() => root + (files ? "tags/" : "tags");

    public string Tag(string tag, int page = 1)
    {
        var path = root + "tags/" + Uri.EscapeDataString(files ? FileSegment(tag) : tag);
        return page <= 1 ? (files ? path + "/" : path)
            : files ? path + Invariant($"/page/{page}/")
            : path + Invariant($"?page={page}");
    }

    public string TagFeed(string tag) => root + "tags/" + Uri.EscapeDataString(files ? FileSegment(tag) : tag) + ".atom";

    public string Feed() => root + "feed.atom";

    /// <summary>The search form's address; the static export has none.</summary>
    public string? Search() => files ? null : root + "search";

    public string Search(string words, int page) =>
        root + "search?q=" + Uri.EscapeDataString(words) + (page <= 1 ? "" : Invariant($"&page={page}"));

    public string StyleSheet() => files ? root + StyleSheetFile.Name : root + StyleSheetFile.Name + "?v=" + StyleSheetFile.Version;

    /// <summary>
    /// A tag as one folder or file name of the static export: letters, digits, <c>-</c> and <c>_</c> as they are, anything
    /// else percent-encoded, so a tag from a hand-written file (<c>../x</c>, <c>a/b</c>) can never leave its folder.
    /// </summary>
    public static string FileSegment(string tag)
    {
        var name = new StringBuilder(tag.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in tag.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || rune.Value is '-' or '_')
            {
                name.Append(rune.ToString());
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                name.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return name.Length == 0 ? "_" : name.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
