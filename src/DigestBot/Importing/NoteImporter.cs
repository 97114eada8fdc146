using DigestBot.Formatting;
using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Importing;

/// <summary>
/// Parses note files and queues their good notes; rejected notes never stop the others. A note is rejected too when it
/// cannot be posted (<see cref="NoteRenderCheck"/>).
/// </summary>
internal sealed class NoteImporter(NoteStore store, NoteRenderCheck check)
{
    private readonly NoteFileReader reader = new();

    /// <summary>Stores the file's notes while the rest of it is parsed.</summary>
    public Task<FileImportReport> ImportFileAsync(string path, CancellationToken ct) => ImportFileAsync(path, null, ct);

    /// <param name="maxBytes">A file longer than this is not read (the inbox's limit); null reads any file.</param>
    public async Task<FileImportReport> ImportFileAsync(string path, long? maxBytes, CancellationToken ct)
    {
        var file = reader.Stream(path, maxBytes);
        var refused = new List<NoteProblem>();
        // The check renders each note on the parsing thread, beside the one that stores the notes.
        var outcome = file.IsEmpty ? new ImportOutcome([], []) : await store.ImportAsync(NotesParsedAhead.Of(Postable(file.Notes, refused), ct), ct);
        return new FileImportReport(path, outcome, InLineOrder(file.Problems, refused));
    }

    public async Task<FileImportReport> ImportParsedAsync(string label, ParsedNotes parsed, CancellationToken ct)
    {
        var refused = new List<NoteProblem>();
        var notes = Postable(parsed.Notes, refused).ToList();
        var outcome = notes.Count == 0 ? new ImportOutcome([], []) : await store.ImportAsync(notes, ct);
        return new FileImportReport(label, outcome, InLineOrder(parsed.Problems, refused));
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

    /// <summary>The notes that can be posted; each of the others becomes a problem at its title line.</summary>
    private IEnumerable<Note> Postable(IEnumerable<Note> notes, List<NoteProblem> refused)
    {
        foreach (var note in notes)
        {
            if (check.Problem(note) is { } problem)
            {
                refused.Add(new NoteProblem(note.Source.Location, note.Source.Line ?? 1, problem));
                continue;
            }

            yield return note;
        }
    }

    private static IReadOnlyList<NoteProblem> InLineOrder(IReadOnlyList<NoteProblem> parsed, List<NoteProblem> refused) =>
        refused.Count == 0 ? parsed : parsed.Concat(refused).OrderBy(p => p.Line).ToList();
}
