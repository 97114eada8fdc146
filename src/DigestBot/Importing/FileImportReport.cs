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
        if (Outcome.Updated.Count > 0)
        {
            parts.Add($"{Outcome.Updated.Count} updated");
        }

        if (Outcome.Withdrawn.Count > 0)
        {
            parts.Add($"{Outcome.Withdrawn.Count} withdrawn");
        }

        if (already > 0)
        {
            parts.Add($"{already} already stored");
        }

        if (rejected > 0)
        {
            parts.Add($"{rejected} rejected");
        }

        var summary = $"{File}: {string.Join(", ", parts)}";
        if (queued == 0 && already > 0 && rejected == 0 && Outcome.Updated.Count == 0 && Outcome.Withdrawn.Count == 0)
        {
            return summary + " (nothing new: this file was imported before)";
        }

        var lines = Outcome.Updated.Select(u => u.ToString())
            .Concat(Outcome.Withdrawn.Select(w =>
                $"note {w.ExistingId} (“{w.Note.Title}”) was withdrawn by a curator and stays so; requeue {w.ExistingId} puts it back in the queue, then import again to change it"));
        return string.Join(Environment.NewLine, lines.Prepend(summary));
    }
}
