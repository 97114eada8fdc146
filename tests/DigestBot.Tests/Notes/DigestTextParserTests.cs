using System.Text;
using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

public sealed class DigestTextParserTests
{
    private static ParsedNotes ParseFixture(string name)
    {
        // Decoding by hand keeps a BOM in the text, so the parser itself must cope with it.
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(TestPaths.NoteFixture(name)));
        return new DigestTextParser().Parse(text, name);
    }

    [Fact]
    public void Reads_crlf_lines_and_a_bom()
    {
        var bytes = File.ReadAllBytes(TestPaths.NoteFixture("crlf-bom.txt"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes));

        var parsed = ParseFixture("crlf-bom.txt");

        Assert.Empty(parsed.Problems);
        Assert.Equal(2, parsed.Notes.Count);
        var first = parsed.Notes[0];
        Assert.Equal(new DateOnly(2024, 8, 1), first.Date);
        Assert.Equal("First CRLF Paper", first.Title);
        Assert.Equal(["Ada Lovelace", "Alan Turing"], first.Authors);
        Assert.Equal("An abstract on one line for the first paper.", first.Abstract);
        Assert.Equal(["https://arxiv.org/abs/2401.00001v2"], first.Links);
        Assert.Equal("2401.00001", first.ArxivId);
        Assert.Equal("Commentary line one.\n\nCommentary line three after a blank.", first.Commentary);
        Assert.Equal(["crlf", "line-endings"], first.Tags);
        Assert.Equal(new NoteSource("crlf-bom.txt", 2), first.Source);
        Assert.DoesNotContain(parsed.Notes, n => n.Title.Contains('\uFEFF') || n.Abstract.Contains('\r') || n.Commentary.Contains('\r'));
        Assert.Equal("Second abstract, no authors line.", parsed.Notes[1].Abstract);
        Assert.Empty(parsed.Notes[1].Authors);
        Assert.Equal(new NoteSource("crlf-bom.txt", 10), parsed.Notes[1].Source);
    }

    [Fact]
    public void Korean_iso_and_english_date_lines_start_digest_days()
    {
        var parsed = ParseFixture("dates.txt");

        Assert.Empty(parsed.Problems);
        Assert.Equal(
            [
                ("Korean Dated Paper", new DateOnly(2024, 7, 30)),
                ("ISO Dated Paper", new DateOnly(2024, 7, 31)),
                ("English Dated Paper", new DateOnly(2024, 7, 30)),
                ("Short Month Paper", new DateOnly(2024, 8, 2)),
                ("Day First Paper", new DateOnly(2024, 8, 3)),
            ],
            parsed.Notes.Select(n => (n.Title, n.Date!.Value)));
    }

    [Fact]
    public void A_date_line_inside_commentary_is_commentary()
    {
        var parsed = ParseFixture("date-in-commentary.txt");

        Assert.Empty(parsed.Problems);
        Assert.Equal(2, parsed.Notes.Count);
        Assert.Equal("The authors released the code on\n2024-08-15\nand the weights a week later.", parsed.Notes[0].Commentary);
        Assert.All(parsed.Notes, n => Assert.Equal(new DateOnly(2024, 7, 30), n.Date));
    }

    [Fact]
    public void Notes_before_any_date_line_have_no_date()
    {
        var parsed = new DigestTextParser().Parse("Undated\nAbstract.\n#x\n2024-07-30\nDated\nAbstract.\n#x", "f.txt");

        Assert.Null(parsed.Notes[0].Date);
        Assert.Equal(new DateOnly(2024, 7, 30), parsed.Notes[1].Date);
    }

    [Fact]
    public void Url_lines_after_the_abstract_are_links_and_commentary_is_kept_verbatim()
    {
        var parsed = ParseFixture("commentary-and-links.txt");

        Assert.Empty(parsed.Problems);
        var note = parsed.Notes[0];
        Assert.Equal(["https://example.org/project-page/", "https://arxiv.org/pdf/2407.21783v3.pdf"], note.Links);
        Assert.Equal("2407.21783", note.ArxivId);
        Assert.Equal(
            "First commentary paragraph, compare with (https://arxiv.org/abs/2406.04638).\n" +
            "\n" +
            "Second paragraph after a blank line.\n" +
            "https://arxiv.org/abs/2402.14740\n" +
            "   indented line kept as written   ",
            note.Commentary);
    }

    [Fact]
    public void An_arxiv_link_only_in_commentary_names_another_paper_not_this_one()
    {
        var note = ParseFixture("commentary-and-links.txt").Notes[1];

        Assert.Empty(note.Links);
        Assert.Null(note.ArxivId);
        Assert.Contains("https://arxiv.org/abs/2401.10020", note.Commentary);
    }

    [Fact]
    public void A_hashtag_line_with_no_note_above_it_is_an_error_and_the_notes_still_import()
    {
        var parsed = ParseFixture("stray-hashtags.txt");

        Assert.Equal(["A Real Paper", "Another Paper"], parsed.Notes.Select(n => n.Title));
        Assert.Equal([1, 6], parsed.Problems.Select(p => p.Line));
        Assert.All(parsed.Problems, p => Assert.True(p.IsError));
        Assert.Contains("`#orphan #tags` has no note above it", parsed.Problems[0].Reason);
        Assert.Contains("move it under its note", parsed.Problems[0].Reason);
    }

    [Fact]
    public void An_unfinished_note_at_the_end_is_reported_with_its_line_and_not_imported()
    {
        var parsed = ParseFixture("unfinished.txt");

        Assert.Equal(["Complete Paper One", "Complete Paper Two"], parsed.Notes.Select(n => n.Title));
        var problem = Assert.Single(parsed.Problems);
        Assert.True(problem.IsError);
        Assert.Equal(10, problem.Line);
        Assert.StartsWith("unfinished note starting at line 10: it has no hashtag line (#tag) to end it", problem.Reason);
        Assert.Equal("unfinished.txt:10: " + problem.Reason, problem.ToString());
    }

    [Fact]
    public void A_note_without_an_abstract_is_rejected_alone()
    {
        var parsed = ParseFixture("no-abstract.txt");

        Assert.Equal(["Paper Before", "Paper After"], parsed.Notes.Select(n => n.Title));
        Assert.Equal([4, 7, 9], parsed.Problems.Select(p => p.Line));
        Assert.All(parsed.Problems, p => Assert.True(p.IsError));
        Assert.Contains("\"Paper Without Abstract\" has no abstract", parsed.Problems[0].Reason);
        Assert.Contains("add it there", parsed.Problems[0].Reason);
    }

    [Theory]
    [InlineData("One sentence of an abstract.One sentence of an abstract.")]
    [InlineData("One sentence of an abstract. One sentence of an abstract.")]
    [InlineData("  One sentence of an abstract.   One sentence of an abstract.  ")]
    public void An_abstract_written_twice_is_stored_once_with_a_warning(string line)
    {
        var parsed = new DigestTextParser().Parse($"Title\n{line}\n#tag", "f.txt");

        Assert.Equal("One sentence of an abstract.", Assert.Single(parsed.Notes).Abstract);
        var warning = Assert.Single(parsed.Problems);
        Assert.False(warning.IsError);
        Assert.Equal(2, warning.Line);
        Assert.Equal("abstract is the same paragraph written twice; stored once", warning.Reason);
    }

    [Theory]
    [InlineData("One sentence of an abstract. One sentence of an abstract!")]
    [InlineData("Short. Short.")]
    [InlineData("A different first half. Then another sentence.")]
    public void An_abstract_that_only_looks_repetitive_is_kept_as_is(string line)
    {
        var parsed = new DigestTextParser().Parse($"Title\n{line}\n#tag", "f.txt");

        Assert.Equal(line, Assert.Single(parsed.Notes).Abstract);
        Assert.Empty(parsed.Problems);
    }

    [Fact]
    public void Tags_are_canonical_without_repeats_in_the_order_written()
    {
        var parsed = new DigestTextParser().Parse("Title\nAbstract.\n#Video_Segmentation #sam, #video-segmentation #SAM", "f.txt");

        Assert.Equal(["video-segmentation", "sam"], Assert.Single(parsed.Notes).Tags);
    }

    [Fact]
    public void A_date_that_names_no_real_day_is_reported()
    {
        var parsed = new DigestTextParser().Parse("2024-02-30\nTitle\nAbstract.\n#tag", "f.txt");

        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("names no real day", problem.Reason);
        Assert.Null(Assert.Single(parsed.Notes).Date);
    }
}
