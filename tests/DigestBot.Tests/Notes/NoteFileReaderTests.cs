using System.Text;
using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

public sealed class NoteFileReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("digestbot-notes-").FullName;
    private readonly NoteFileReader _reader = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Dispatches_md_to_markdown_and_anything_else_to_the_digest_format()
    {
        var markdown = _reader.Read(TestPaths.NoteFixture("front-matter.md"));
        var digest = _reader.Read(TestPaths.NoteFixture("crlf-bom.txt"));
        var otherExtension = _reader.Read(Write("notes.log", Encoding.UTF8.GetBytes("Title\nAbstract.\n#tag\n")));
        var markdownLong = _reader.Read(Write("note.markdown", Encoding.UTF8.GetBytes("---\ntitle: T\nabstract: A.\n---\n")));

        Assert.Equal("2407.19594", Assert.Single(markdown.Notes).ArxivId);
        Assert.Equal(2, digest.Notes.Count);
        Assert.Equal(TestPaths.NoteFixture("crlf-bom.txt"), digest.Notes[0].Source.Location);
        Assert.Equal("Title", Assert.Single(otherExtension.Notes).Title);
        Assert.Equal("T", Assert.Single(markdownLong.Notes).Title);
    }

    [Fact]
    public void A_missing_file_is_an_error_on_line_one()
    {
        var path = Path.Combine(_folder, "nope.txt");

        var parsed = _reader.Read(path);

        var problem = NoteAssert.Rejected(parsed, line: 1);
        Assert.Equal(path, problem.File);
        Assert.Contains("no such file", problem.Reason);
    }

    [Fact]
    public void An_empty_file_has_nothing_to_import()
    {
        var parsed = _reader.Read(TestPaths.NoteFixture("empty.txt"));
        var whitespace = _reader.Read(Write("blank.md", Encoding.UTF8.GetBytes("\uFEFF \r\n\t\n")));

        Assert.Equal(0, new FileInfo(TestPaths.NoteFixture("empty.txt")).Length);
        Assert.StartsWith("file is empty: nothing to import", Assert.Single(parsed.Problems).Reason);
        Assert.StartsWith("file is empty: nothing to import", Assert.Single(whitespace.Problems).Reason);
        Assert.Empty(parsed.Notes);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var path = Write("image.txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]);

        var problem = Assert.Single(_reader.Read(path).Problems);

        Assert.True(problem.IsError);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("looks like a binary file, not a note file", problem.Reason);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_refused_naming_the_line_of_the_first_bad_byte()
    {
        // "Caf\xE9" is Latin-1 on the third line, as a file saved from an old editor would be.
        var bytes = Encoding.UTF8.GetBytes("2024-07-30\nTitle ok\n").Concat(Encoding.Latin1.GetBytes("Caf\u00e9 abstract\n#tag\n")).ToArray();
        var path = Write("latin1.txt", bytes);

        var parsed = _reader.Read(path);

        var problem = NoteAssert.Rejected(parsed, line: 3);
        Assert.Equal("is not UTF-8 text (first bad byte on line 3); save it as UTF-8", problem.Reason);
    }

    [Fact]
    public void Utf16_text_is_refused_with_a_hint()
    {
        var path = Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Title\nAbstract\n#x\n")).ToArray());

        Assert.Contains("save it as UTF-8", Assert.Single(_reader.Read(path).Problems).Reason);
    }

    [Fact]
    public void Folders_expand_to_their_note_files_sorted_and_missing_paths_are_reported()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        foreach (var name in new[] { "b.md", "a.txt", "c.pdf", "readme" })
        {
            File.WriteAllText(Path.Combine(sub, name), "x");
        }

        var single = Write("single.txt", [(byte)'x']);
        var missing = Path.Combine(_folder, "missing");
        var problems = new List<NoteProblem>();

        var files = _reader.ExpandPaths([single, sub, missing], problems).ToList();

        Assert.Equal([single, Path.Combine(sub, "a.txt"), Path.Combine(sub, "b.md")], files);
        var problem = Assert.Single(problems);
        Assert.Equal(missing, problem.File);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith($"`{missing}`: no such file or folder", problem.Reason);
    }
}
