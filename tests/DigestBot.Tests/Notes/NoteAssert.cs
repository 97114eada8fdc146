using DigestBot.Notes;

namespace DigestBot.Tests.Notes;

internal static class NoteAssert
{
    /// <summary>Asserts a file was turned away: no notes, and one problem on <paramref name="line"/>.</summary>
    /// <returns>That problem, for the caller to check what it says.</returns>
    public static NoteProblem Rejected(ParsedNotes parsed, int line)
    {
        Assert.Empty(parsed.Notes);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(line, problem.Line);
        return problem;
    }
}
