using System.Buffers;
using System.Text;

namespace DigestBot.Notes;

/// <summary>
/// Turns paths given to <c>import</c> or dropped in the inbox into notes, checking first that the
/// file is text we can read so the curator hears "save it as UTF-8", not a parse error on garbage.
/// </summary>
internal sealed class NoteFileReader
{
    private static readonly string[] NoteExtensions = [".txt", ".md", ".markdown"];

    private readonly DigestTextParser _digestParser = new();
    private readonly MarkdownNoteParser _markdownParser = new();

    public ParsedNotes Read(string path)
    {
        var file = Stream(path);
        var notes = file.Notes.ToList();
        return new ParsedNotes(notes, file.Problems);
    }

    /// <summary>
    /// The file's notes, parsed as they are enumerated (a digest's one by one, see <see cref="DigestTextParser.Notes"/>);
    /// its problems are all known once the notes have been. A file that cannot be read has no notes and one problem.
    /// </summary>
    /// <param name="maxBytes">A file longer than this is refused unread, and reading stops past it in case the file grows.</param>
    public NoteStream Stream(string path, long? maxBytes = null)
    {
        if (ReadText(path, maxBytes, out var text) is { } failed)
        {
            return new NoteStream([], failed.Problems);
        }

        var extension = Path.GetExtension(path);
        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase) || extension.Equals(".markdown", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = _markdownParser.Parse(text, path);
            return new NoteStream(parsed.Notes, parsed.Problems);
        }

        var problems = new List<NoteProblem>();
        return new NoteStream(_digestParser.Notes(text, path, problems), problems);
    }

    /// <returns>Why the file cannot be imported, or null with its text.</returns>
    private static ParsedNotes? ReadText(string path, long? maxBytes, out string text)
    {
        text = "";
        byte[] bytes;
        try
        {
            if (maxBytes is not { } max)
            {
                bytes = File.ReadAllBytes(path);
            }
            else if (ReadAtMost(path, max, out var size) is { } read)
            {
                bytes = read;
            }
            else
            {
                return Failed(path, $"is {FileSize.Text(size)}, more than the {FileSize.Text(max)} one file may have (Inbox:MaxFileBytes); split it into smaller note files, or raise Inbox:MaxFileBytes");
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, Directory.Exists(path)
                ? "is a folder, not a note file; import the folder itself to read the .txt and .md files in it"
                : "no such file; check the path and the file name");
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            return Failed(path, "is a folder, not a note file; import the folder itself to read the .txt and .md files in it");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot be read ({e.Message}); check that it exists and that you may read it");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return Failed(path, "is UTF-16 text, not UTF-8; save it as UTF-8");
        }

        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return Failed(path, "looks like a binary file, not a note file; import the .txt or .md note file instead");
        }

        try
        {
            // Decoding checks the bytes as it goes; only a file that fails is looked at again for where.
            text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            var line = 1 + bytes.AsSpan(0, FirstInvalidUtf8(bytes)).Count((byte)'\n');
            return Failed(path, $"is not UTF-8 text (first bad byte on line {line}); save it as UTF-8", line);
        }

        return string.IsNullOrWhiteSpace(text) ? Failed(path, "file is empty: nothing to import; write notes in it or leave it out") : null;
    }

    /// <summary>
    /// Files stay as given; folders become their note files, sorted by name so imports queue in a predictable order.
    /// </summary>
    public IEnumerable<string> ExpandPaths(IEnumerable<string> filesOrFolders, List<NoteProblem> problems)
    {
        var files = new List<string>();
        foreach (var path in filesOrFolders)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var inFolder = Directory.EnumerateFiles(path)
                    .Where(f => NoteExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (inFolder.Count == 0)
                {
                    problems.Add(new NoteProblem(path, 1,
                        "folder has no .txt or .md note files; nothing imported from it", ProblemSeverity.Warning));
                }

                files.AddRange(inFolder);
            }
            else
            {
                problems.Add(new NoteProblem(path, 1, $"`{path}`: no such file or folder; check the path"));
            }
        }

        return files;
    }

    /// <returns>The file's bytes, or null when it has more than <paramref name="max"/>: its length is looked at before
    /// reading, and reading stops past it in case the file grows meanwhile.</returns>
    /// <param name="size">The length seen, or at least the bytes read once past the limit.</param>
    private static byte[]? ReadAtMost(string path, long max, out long size)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        size = stream.Length;
        if (size > max)
        {
            return null;
        }

        using var bytes = new MemoryStream((int)size);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (bytes.Length + read > max)
            {
                size = bytes.Length + read;
                return null;
            }

            bytes.Write(chunk, 0, read);
        }

        return bytes.ToArray();
    }

    private static ParsedNotes Failed(string path, string reason, int line = 1) =>
        new([], [new NoteProblem(path, line, reason)]);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The index of the first byte that is not part of valid UTF-8 (the bytes are known to have one).</returns>
    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length && Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) == OperationStatus.Done)
        {
            index += consumed;
        }

        return index;
    }
}
