namespace DigestBot.Notes;

internal enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Something wrong with a note file, reported as <c>file:line: reason</c>.</summary>
internal sealed record NoteProblem(string File, int Line, string Reason, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    public override string ToString() =>
        Severity == ProblemSeverity.Warning ? $"{File}:{Line}: warning: {Reason}" : $"{File}:{Line}: {Reason}";
}
