namespace DigestBot.Web;

/// <summary>Writes the static export's files, each only when its content changed, so a second run touches nothing it need not.</summary>
internal sealed class SiteFiles(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public int Written { get; private set; }

    public int Unchanged { get; private set; }

    public bool HasFeeds { get; private set; }

    /// <param name="path">Relative to <see cref="Folder"/>, with <c>/</c>; built from note ids and <see cref="ArchiveLinks.FileSegment"/> only.</param>
    public async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        var full = Path.Combine(Folder, path);
        HasFeeds |= path.EndsWith(".atom", StringComparison.Ordinal);
        var existing = new FileInfo(full);
        if (existing.Exists && existing.Length == content.Length && (await File.ReadAllBytesAsync(full, ct)).AsSpan().SequenceEqual(content))
        {
            Unchanged++;
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllBytesAsync(full, content, ct);
        Written++;
    }
}
