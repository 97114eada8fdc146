using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

public sealed class MarkdownNoteParserTests
{
    private static ParsedNotes ParseFixture(string name) =>
        new MarkdownNoteParser().Parse(File.ReadAllText(TestPaths.NoteFixture(name)), name);

    [Fact]
    public void Front_matter_gives_every_field_and_the_body_is_the_commentary()
    {
        var parsed = ParseFixture("front-matter.md");

        Assert.Empty(parsed.Problems);
        var note = Assert.Single(parsed.Notes);
        Assert.Equal("Meta-Rewarding Language Models: Self-Improving Alignment with LLM-as-a-Meta-Judge", note.Title);
        Assert.Equal(["Tianhao Wu", "Weizhe Yuan", "Olga Golovneva"], note.Authors);
        Assert.Equal("Large Language Models are rapidly surpassing human knowledge in many domains. We add a meta-judge step.", note.Abstract);
        Assert.Equal(["https://example.org/meta-rewarding", "https://arxiv.org/abs/2407.19594v2"], note.Links);
        Assert.Equal("2407.19594", note.ArxivId);
        Assert.Equal(["rlaif", "synthetic-data"], note.Tags);
        Assert.Equal(new DateOnly(2024, 7, 30), note.Date);
        Assert.Equal(new NoteSource("front-matter.md", 1), note.Source);
        Assert.StartsWith("Self-rewarding처럼 (https://arxiv.org/abs/2401.10020)", note.Commentary);
        Assert.EndsWith("> A quote in the commentary stays in the commentary when the abstract is in front matter.", note.Commentary);
    }

    [Fact]
    public void Without_an_abstract_field_the_first_block_quote_is_the_abstract()
    {
        var parsed = ParseFixture("blockquote-abstract.md");

        Assert.Empty(parsed.Problems);
        var note = Assert.Single(parsed.Notes);
        Assert.Equal("SAM 2: Segment Anything in Images and Videos", note.Title);
        Assert.Equal(["Nikhila Ravi", "Valentin Gabeur", "Christoph Feichtenhofer"], note.Authors);
        Assert.Equal(
            "We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation.\n\n" +
            "We are releasing a version of our model.",
            note.Abstract);
        Assert.Equal(["https://ai.meta.com/blog/segment-anything-2"], note.Links);
        Assert.Equal("2408.00714", note.ArxivId);
        Assert.Equal(["video-segmentation", "sam"], note.Tags);
        Assert.Null(note.Date);
        Assert.Equal("SAM 2가 나왔군요.\n\n```\n> not a quote, code\n```", note.Commentary);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_in_the_file()
    {
        var parsed = ParseFixture("malformed-yaml.md");

        var problem = NoteAssert.Rejected(parsed, line: 4);
        Assert.True(problem.IsError);
        Assert.StartsWith("the front matter is not valid YAML", problem.Reason);
        Assert.DoesNotContain("Idx:", problem.Reason);
    }

    [Fact]
    public void A_note_without_a_title_is_rejected()
    {
        var parsed = ParseFixture("no-title.md");

        var problem = NoteAssert.Rejected(parsed, line: 1);
        Assert.Contains("no `title`", problem.Reason);
    }

    [Fact]
    public void A_file_without_front_matter_is_rejected_with_what_to_write()
    {
        var parsed = new MarkdownNoteParser().Parse("# Just a heading\n\nSome text.", "plain.md");

        Assert.Empty(parsed.Notes);
        Assert.Contains("start the file with a `---` line", Assert.Single(parsed.Problems).Reason);
    }

    [Fact]
    public void Unquoted_hash_tags_that_yaml_swallows_as_a_comment_are_reported()
    {
        var parsed = new MarkdownNoteParser().Parse("---\ntitle: T\nabstract: A.\ntags: #llm #dataset\n---\n", "f.md");

        var problem = NoteAssert.Rejected(parsed, line: 4);
        Assert.Contains("quote them", problem.Reason);
    }

    [Theory]
    [InlineData("tags: llm, Dataset_Mix", new[] { "llm", "dataset-mix" })]
    [InlineData("tags: \"#llm #llm #scaling-law\"", new[] { "llm", "scaling-law" })]
    [InlineData("tags:\n  - \"#llm\"\n  - vision", new[] { "llm", "vision" })]
    public void Tags_may_be_a_list_or_a_string_with_or_without_hashes(string tagsYaml, string[] expected)
    {
        var parsed = new MarkdownNoteParser().Parse($"---\ntitle: T\nabstract: A.\n{tagsYaml}\n---\n", "f.md");

        Assert.Equal(expected, Assert.Single(parsed.Notes).Tags);
    }

    [Fact]
    public void An_arxiv_field_wins_over_links_and_a_bad_one_is_an_error()
    {
        var good = new MarkdownNoteParser().Parse(
            "---\ntitle: T\nabstract: A.\narxiv_id: 1706.03762v7\nlink: https://arxiv.org/abs/2106.09685\n---\n", "f.md");
        var bad = new MarkdownNoteParser().Parse("---\ntitle: T\nabstract: A.\narxiv: 17.06\n---\n", "f.md");

        Assert.Equal("1706.03762", Assert.Single(good.Notes).ArxivId);
        var problem = NoteAssert.Rejected(bad, line: 4);
        Assert.Contains("is not an arXiv id", problem.Reason);
    }

    [Fact]
    public void A_bad_date_is_an_error_naming_the_format()
    {
        var parsed = new MarkdownNoteParser().Parse("---\ntitle: T\nabstract: A.\ndate: 30/07/2024\n---\n", "f.md");

        Assert.Empty(parsed.Notes);
        Assert.Contains("yyyy-MM-dd", Assert.Single(parsed.Problems).Reason);
    }

    [Fact]
    public void A_note_with_no_abstract_anywhere_is_rejected()
    {
        var parsed = new MarkdownNoteParser().Parse("---\ntitle: T\n---\nJust commentary.\n", "f.md");

        Assert.Empty(parsed.Notes);
        Assert.Contains("no abstract", Assert.Single(parsed.Problems).Reason);
    }
}
