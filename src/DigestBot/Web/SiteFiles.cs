namespace DigestBot.Web;

/// <summary>
/// Writes the static export's files, each only when its content changed, so a second run touches nothing it need not,
/// and removes the pages and feeds an earlier run wrote that the archive no longer has (a withdrawn note, a tag left
/// with no notes, a page past the last).
/// </summary>
internal sealed class SiteFiles(string folder)
{
    /// <summary>The folders only the export writes into; anything else in the folder (a CNAME, a README, .git) is never touched.</summary>
    private static readonly string[] OwnedFolders = ["notes", "tags", "page"];

    private readonly HashSet<string> written = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.GetFullPath(folder);

    public int Written { get; private set; }

    public int Unchanged { get; private set; }

    public int Removed { get; private set; }

    public bool HasFeeds { get; private set; }

    /// <param name="path">Relative to <see cref="Folder"/>, with <c>/</c>; built from note ids and <see cref="ArchiveLinks.FileSegment"/> only.</param>
    public async Task WriteAsync(string path, byte[] content, CancellationToken ct)
    {
        var full = Path.Combine(Folder, path);
        written.Add(Path.GetFullPath(full));
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

    /// <summary>
    /// Deletes, under the export's own folders, every page (<c>index.html</c>) and feed (<c>.atom</c>) this run did not
    /// write, then the folders that leaves empty. Other files are left alone, and symbolic links are never followed.
    /// </summary>
    public void RemoveTheRest()
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var owned in OwnedFolders.Select(f => Path.Combine(Folder, f)).Where(Directory.Exists))
        {
            if (new DirectoryInfo(owned).LinkTarget is not null)
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(owned, "*", options).ToList())
            {
                if ((Path.GetFileName(file) == "index.html" || file.EndsWith(".atom", StringComparison.Ordinal)) && !written.Contains(file))
                {
                    File.Delete(file);
                    Removed++;
                }
            }

            foreach (var empty in Directory.EnumerateDirectories(owned, "*", options).Append(owned).OrderByDescending(d => d.Length).ToList())
            {
                if (!Directory.EnumerateFileSystemEntries(empty).Any())
                {
                    Directory.Delete(empty);
                }
            }
        }
    }
}
