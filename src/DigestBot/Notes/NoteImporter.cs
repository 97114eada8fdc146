using DigestBot.Storage;

namespace DigestBot.Notes;

/// <summary>Parses note files and queues their good notes; rejected notes never stop the others.</summary>
internal sealed class NoteImporter(NoteStore store)
{
    private readonly NoteFileReader reader = new();

    /// <summary>Stores the file's notes while the rest of it is parsed.</summary>
    public async Task<FileImportReport> ImportFileAsync(string path, CancellationToken ct)
    {
        var file = reader.Stream(path);
        var outcome = file.IsEmpty ? new ImportOutcome([], []) : await store.ImportAsync(NotesParsedAhead.Of(file.Notes, ct), ct);
        return new FileImportReport(path, outcome, file.Problems);
    }

    public async Task<FileImportReport> ImportParsedAsync(string label, ParsedNotes parsed, CancellationToken ct)
    {
        var outcome = parsed.Notes.Count == 0 ? new ImportOutcome([], []) : await store.ImportAsync(parsed.Notes, ct);
        return new FileImportReport(label, outcome, parsed.Problems);
    }

    /// <summary>Imports files and folders (their note files) in order; a missing path is a problem, not a stop.</summary>
    public async Task<IReadOnlyList<FileImportReport>> ImportPathsAsync(IEnumerable<string> paths, CancellationToken ct)
    {
        var problems = new List<NoteProblem>();
        var files = reader.ExpandPaths(paths, problems).ToList();
        var reports = new List<FileImportReport>();
        foreach (var problem in problems)
        {
            reports.Add(new FileImportReport(problem.File, new ImportOutcome([], []), [problem]));
        }

        foreach (var file in files)
        {
            reports.Add(await ImportFileAsync(file, ct));
        }

        return reports;
    }
}
