using DigestBot.Notes;
using DigestBot.Storage;

namespace DigestBot.Importing;

/// <summary>What importing one file did: notes queued, notes already stored, and every problem found.</summary>
internal sealed record FileImportReport(string File, ImportOutcome Outcome, IReadOnlyList<NoteProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.IsError);

    public IEnumerable<NoteProblem> Errors => Problems.Where(p => p.IsError);

    public string Summary()
    {
        var queued = Outcome.Queued.Count;
        var already = Outcome.AlreadyStored.Count;
        var rejected = Problems.Count(p => p.IsError);
        var parts = new List<string> { $"{queued} queued" };
        if (already > 0)
        {
            parts.Add($"{already} already stored");
        }

        if (rejected > 0)
        {
            parts.Add($"{rejected} rejected");
        }

        var summary = $"{File}: {string.Join(", ", parts)}";
        return queued == 0 && already > 0 && rejected == 0 ? summary + " (nothing new: this file was imported before)" : summary;
    }
}
