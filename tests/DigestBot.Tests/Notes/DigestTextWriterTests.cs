using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

/// <summary>The digest text <c>edit</c> opens: read back by the parser, it is the note it was written from.</summary>
public sealed class DigestTextWriterTests
{
    [Theory]
    [MemberData(nameof(SampleDigestTests.SampleFiles), MemberType = typeof(SampleDigestTests))]
    public void Every_note_of_every_sample_reads_back_as_itself(string path)
    {
        var notes = new NoteFileReader().Read(path).Notes;
        Assert.NotEmpty(notes);

        foreach (var note in notes)
        {
            var text = DigestTextWriter.Write(note);
            var parsed = new DigestTextParser().Parse(text, "note.txt");

            Assert.Empty(parsed.Problems);
            AssertSame(note, Assert.Single(parsed.Notes));
        }
    }

    [Fact]
    public void Korean_commentary_with_paragraphs_markdown_and_a_date_reads_back_as_itself()
    {
        var note = new Note
        {
            Title = "SAM 2: Segment Anything in Images and Videos",
            Authors = ["Nikhila Ravi", "Valentin Gabeur"],
            Abstract = "We present Segment Anything Model 2 (SAM 2).",
            Links = ["https://arxiv.org/abs/2408.00714", "https://ai.meta.com/blog/segment-anything-2"],
            ArxivId = "2408.00714",
            Commentary = "**SAM 2**가 나왔군요. 비디오에 대한 확장입니다.\n\n메모리에 저장하고 꺼내오는 방식입니다. (https://arxiv.org/abs/2304.02643)\n- 데이터 엔진\n- 스트리밍",
            Tags = ["video-segmentation", "비디오"],
            Date = new DateOnly(2024, 7, 30),
        };

        var text = DigestTextWriter.Write(note);

        Assert.StartsWith("2024-07-30\nSAM 2: Segment Anything in Images and Videos\n(Nikhila Ravi, Valentin Gabeur)\n", text, StringComparison.Ordinal);
        Assert.EndsWith("- 스트리밍\n#video-segmentation #비디오\n", text, StringComparison.Ordinal);
        AssertSame(note, Assert.Single(new DigestTextParser().Parse(text, "note.txt").Notes));
    }

    [Fact]
    public void A_note_without_authors_date_links_or_commentary_reads_back_as_itself()
    {
        var note = new Note { Title = "짧은 노트", Abstract = "요약 한 줄.", Tags = ["llm"] };

        var text = DigestTextWriter.Write(note);

        Assert.Equal("짧은 노트\n요약 한 줄.\n#llm\n", text);
        AssertSame(note, Assert.Single(new DigestTextParser().Parse(text, "note.txt").Notes));
    }

    private static void AssertSame(Note expected, Note actual)
    {
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.ArxivId, actual.ArxivId);
        Assert.Equal(expected.Commentary, actual.Commentary);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Date, actual.Date);
    }
}
