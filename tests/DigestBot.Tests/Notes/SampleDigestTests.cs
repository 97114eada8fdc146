using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

/// <summary>The curators' real sample day, and our own demo files, read end to end.</summary>
public sealed class SampleDigestTests
{
    private static string DemoDigest => Path.Combine(TestPaths.RepoRoot, "samples", "demo-digest.txt");

    private static string? RealSample =>
        TestPaths.SharedSamples is { } folder && File.Exists(Path.Combine(folder, "digest-2024-07-30.txt"))
            ? Path.Combine(folder, "digest-2024-07-30.txt")
            : null;

    /// <summary>Every sample file we have: our own always, the shared ones when this checkout has them.</summary>
    public static TheoryData<string> SampleFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "samples")).Order())
        {
            files.Add(file);
        }

        if (TestPaths.SharedSamples is { } shared)
        {
            foreach (var file in Directory.EnumerateFiles(shared).Order())
            {
                files.Add(file);
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_sample_file_imports_cleanly_with_complete_notes(string path)
    {
        var parsed = new NoteFileReader().Read(path);

        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Problems));
        Assert.NotEmpty(parsed.Notes);
        Assert.All(parsed.Notes, note =>
        {
            Assert.False(string.IsNullOrWhiteSpace(note.Title));
            Assert.False(string.IsNullOrWhiteSpace(note.Abstract));
            Assert.NotEmpty(note.Tags);
            Assert.Equal(path, note.Source.Location);
        });
    }

    [Fact]
    public void Demo_digest_has_its_five_papers_dated_with_arxiv_ids()
    {
        var parsed = new NoteFileReader().Read(DemoDigest);

        Assert.Empty(parsed.Problems);
        Assert.Equal(
            ["1706.03762", "2106.09685", "2304.02643", "2305.18290", "2001.08361"],
            parsed.Notes.Select(n => n.ArxivId));
        Assert.All(parsed.Notes, n => Assert.Equal(new DateOnly(2024, 8, 5), n.Date));
        Assert.Equal(3, parsed.Notes.Count(n => n.Tags.Contains("llm")));
        Assert.Equal(["image-segmentation", "foundation-model"], parsed.Notes[2].Tags);
        Assert.Equal(["https://arxiv.org/abs/2304.02643", "https://segment-anything.com"], parsed.Notes[2].Links);
        Assert.Contains("\n\n", parsed.Notes[0].Commentary);
        Assert.Contains("(https://github.com/tensorflow/tensor2tensor)", parsed.Notes[0].Commentary);
        Assert.Equal(8, parsed.Notes[0].Authors.Count);
        Assert.Equal(5, parsed.Notes.Select(NoteKey.For).Distinct().Count());
    }

    [Fact]
    public void Demo_markdown_note_reads_front_matter_and_blockquote_abstract()
    {
        var parsed = new NoteFileReader().Read(Path.Combine(TestPaths.RepoRoot, "samples", "demo-note.md"));

        Assert.Empty(parsed.Problems);
        var note = Assert.Single(parsed.Notes);
        Assert.Equal("Denoising Diffusion Probabilistic Models", note.Title);
        Assert.Equal(["Jonathan Ho", "Ajay Jain", "Pieter Abbeel"], note.Authors);
        Assert.Equal("2006.11239", note.ArxivId);
        Assert.StartsWith("The paper trains an image generator", note.Abstract);
        Assert.DoesNotContain(">", note.Commentary);
        Assert.StartsWith("요즘 이미지", note.Commentary);
        Assert.Equal(["diffusion", "image-generation"], note.Tags);
        Assert.Equal(new DateOnly(2024, 8, 6), note.Date);
    }

    [Fact]
    public void Real_sample_day_has_six_notes_and_eight_tags()
    {
        if (RealSample is not { } real)
        {
            AssertDemoDayInstead();
            return;
        }

        var parsed = new NoteFileReader().Read(real);

        Assert.Equal(6, parsed.Notes.Count);
        Assert.All(parsed.Notes, n => Assert.Equal(new DateOnly(2024, 7, 30), n.Date));
        var tagCounts = parsed.Notes.SelectMany(n => n.Tags).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, tagCounts.Count);
        Assert.Equal(2, tagCounts["synthetic-data"]);
        Assert.All(tagCounts.Where(kv => kv.Key != "synthetic-data"), kv => Assert.Equal(1, kv.Value));
        Assert.Equal(["dataset", "scaling-law"], parsed.Notes[3].Tags);
    }

    [Fact]
    public void Sam2_note_has_its_blog_link_and_eighteen_authors()
    {
        if (RealSample is null)
        {
            AssertDemoDayInstead();
            return;
        }

        var sam = RealNotes().Single(n => n.Title == "SAM 2: Segment Anything in Images and Videos");

        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", sam.Links[0]);
        Assert.Single(sam.Links);
        Assert.Null(sam.ArxivId);
        Assert.Equal(18, sam.Authors.Count);
        Assert.Equal("Nikhila Ravi", sam.Authors[0]);
        Assert.Equal("Roman Rädle", sam.Authors[7]);
        Assert.Equal("Christoph Feichtenhofer", sam.Authors[^1]);
        Assert.Equal(["video-segmentation"], sam.Tags);
        Assert.Equal(14, sam.Source.Line);
    }

    [Fact]
    public void Apple_abstract_is_stored_once_with_one_warning()
    {
        if (RealSample is null)
        {
            AssertDemoDayInstead();
            return;
        }

        var parsed = new NoteFileReader().Read(RealSample!);
        var apple = parsed.Notes[0];

        Assert.Equal("Apple Intelligence FoundationLanguage Models", apple.Title);
        Assert.Equal(["Apple"], apple.Authors);
        Assert.StartsWith("We present foundation language models", apple.Abstract);
        Assert.EndsWith("throughout the model development.", apple.Abstract);
        Assert.Equal(1, CountOccurrences(apple.Abstract, "We present foundation language models"));
        var warning = Assert.Single(parsed.Problems);
        Assert.False(warning.IsError);
        Assert.Equal(4, warning.Line);
        Assert.Contains("written twice", warning.Reason);
    }

    [Fact]
    public void Every_commentary_line_is_kept_as_written_with_its_inline_links()
    {
        if (RealSample is null)
        {
            AssertDemoDayInstead();
            return;
        }

        var lines = File.ReadAllLines(RealSample!);
        var notes = RealNotes();
        var apple = notes[0];

        // Apple's commentary is lines 5-12 of the file, between the abstract and "#llm".
        Assert.Equal(lines[4..12], apple.Commentary.Split('\n'));
        Assert.Contains("(https://arxiv.org/abs/2406.04638)", apple.Commentary);
        Assert.Contains("(https://arxiv.org/abs/2005.09814)", apple.Commentary);
        Assert.Contains("(https://arxiv.org/abs/2402.14740)", apple.Commentary);
        Assert.Empty(apple.Links);
        Assert.Null(apple.ArxivId);

        var commentaryLines = notes.SelectMany(n => n.Commentary.Split('\n')).ToList();
        Assert.Equal(8 + 2 + 1 + 1 + 1 + 1, commentaryLines.Count);
        Assert.All(commentaryLines, line => Assert.Contains(line, lines));
    }

    /// <summary>
    /// Without shared/ beside the checkout the real-day facts cannot be checked, so the same
    /// kinds of facts are checked on our own demo day rather than passing vacuously.
    /// </summary>
    private static void AssertDemoDayInstead()
    {
        var lines = File.ReadAllLines(DemoDigest);
        var parsed = new NoteFileReader().Read(DemoDigest);

        Assert.Equal(5, parsed.Notes.Count);
        Assert.Equal(8, parsed.Notes.SelectMany(n => n.Tags).Distinct().Count());
        var sam = parsed.Notes.Single(n => n.Title == "Segment Anything");
        Assert.Equal(12, sam.Authors.Count);
        Assert.Equal("https://arxiv.org/abs/2304.02643", sam.Links[0]);
        Assert.All(parsed.Notes.SelectMany(n => n.Commentary.Split('\n')), line => Assert.Contains(line, lines));
    }

    private static List<Note> RealNotes() => new NoteFileReader().Read(RealSample!).Notes.ToList();

    private static int CountOccurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
