using DigestBot.Notes;

namespace DigestBot.Tests;

/// <summary>Notes for tests that are not about parsing.</summary>
internal static class NoteFactory
{
    public static Note Paper(string title, string? arxivId = null, string[]? tags = null, string commentary = "", string @abstract = "An abstract.", DateOnly? date = null) =>
        new()
        {
            Title = title,
            Authors = ["Ada Lovelace", "Alan Turing"],
            Abstract = @abstract,
            ArxivId = arxivId,
            Links = arxivId is null ? [] : [$"https://arxiv.org/abs/{arxivId}"],
            Commentary = commentary,
            Tags = tags ?? ["llm"],
            Date = date,
            Source = new NoteSource("test.txt", 1),
        };
}
