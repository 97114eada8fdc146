using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

public sealed class NoteKeyTests
{
    [Fact]
    public void Arxiv_id_beats_link_and_title()
    {
        var note = new Note { Title = "Some Title", Links = ["https://ai.meta.com/blog/x"], ArxivId = "2408.00714" };

        Assert.Equal("arxiv:2408.00714", NoteKey.For(note));
    }

    [Fact]
    public void First_link_beats_title_when_there_is_no_arxiv_id()
    {
        var note = new Note { Title = "Some Title", Links = ["https://ai.meta.com/blog/x", "https://example.org/y"] };

        Assert.Equal("link:https://ai.meta.com/blog/x", NoteKey.For(note));
    }

    [Fact]
    public void Title_is_the_key_when_nothing_else_identifies_the_paper()
    {
        var note = new Note { Title = "  Some   Title!  " };

        Assert.Equal("title:some title", NoteKey.For(note));
    }

    [Theory]
    [InlineData("http://AI.Meta.com/blog/segment-anything-2/", "https://ai.meta.com/blog/segment-anything-2")]
    [InlineData("https://ai.meta.com/blog/segment-anything-2#demo", "https://ai.meta.com/blog/segment-anything-2")]
    [InlineData("https://ai.meta.com/blog/Segment-Anything-2?x=1", "https://ai.meta.com/blog/Segment-Anything-2?x=1")]
    [InlineData("https://example.org/", "https://example.org")]
    [InlineData("https://example.org:8443/a/", "https://example.org:8443/a")]
    public void Links_compare_equal_across_scheme_host_case_slash_and_fragment(string link, string expected)
    {
        Assert.Equal("link:" + expected, NoteKey.For(new Note { Title = "t", Links = [link] }));
    }

    [Theory]
    [InlineData("SAM 2: Segment Anything in Images and Videos", "sam 2 segment anything in images and videos")]
    [InlineData("  sam 2 —  segment\tanything   in images, and videos. ", "sam 2 segment anything in images and videos")]
    [InlineData("Meta-Rewarding Language Models", "meta rewarding language models")]
    [InlineData("ＬｏＲＡ： Low-Rank Adaptation", "lora low rank adaptation")]
    [InlineData("\"Attention\" Is (All) You Need?!", "attention is all you need")]
    [InlineData("한국어 제목: 테스트", "한국어 제목 테스트")]
    public void Title_normalisation_folds_case_width_whitespace_and_punctuation(string title, string expected)
    {
        Assert.Equal(expected, NoteKey.NormaliseTitle(title));
    }

    [Fact]
    public void Differently_typed_titles_of_one_paper_share_a_key_and_different_papers_do_not()
    {
        var a = new Note { Title = "VILA^2: VILA Augmented VILA" };
        var b = new Note { Title = "vila^2 — vila augmented vila" };
        var c = new Note { Title = "VILA: On Pre-training for Visual Language Models" };

        Assert.Equal(NoteKey.For(a), NoteKey.For(b));
        Assert.NotEqual(NoteKey.For(a), NoteKey.For(c));
    }
}
