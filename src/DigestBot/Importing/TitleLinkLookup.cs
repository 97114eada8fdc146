using DigestBot.Background;
using DigestBot.Notes;
using DigestBot.Sources;
using DigestBot.Storage;
using Microsoft.Extensions.Options;

namespace DigestBot.Importing;

/// <summary>
/// Notes written without a paper link get one when arXiv has a paper whose title is exactly theirs once
/// normalised; a near miss is never attached. Each note is asked about once, unless arXiv could not answer.
/// </summary>
internal sealed class TitleLinkLookup(
    NoteAmendments amendments,
    ArxivClient arxiv,
    IOptions<SourcesOptions> options,
    TimeProvider time,
    ILogger<TitleLinkLookup> log) : PeriodicWork(time)
{
    private const int Batch = 20;

    protected override TimeSpan Interval => options.Value.BackfillInterval;

    protected override async Task RunPassAsync(CancellationToken ct) => await LookUpAsync(ct);

    protected override void PassFailed(Exception exception) => Log.TitleLookupPassFailed(log, exception);

    /// <summary>Looks up a batch of notes; returns how many got a link.</summary>
    internal async Task<int> LookUpAsync(CancellationToken ct)
    {
        var attached = 0;
        foreach (var stored in await amendments.WithoutPaperLinkAsync(Batch, ct))
        {
            IReadOnlyList<PaperMetadata> candidates;
            try
            {
                candidates = await arxiv.SearchByTitleAsync(stored.Note.Title, ct);
            }
            catch (ArxivUnavailableException e)
            {
                Log.TitleLookupUnavailable(log, stored.Id, e.Message);
                return attached;
            }

            var wanted = NoteKey.NormaliseTitle(stored.Note.Title);
            var exact = candidates.Where(p => NoteKey.NormaliseTitle(p.Title) == wanted).ToList();
            if (exact.Count == 1)
            {
                await amendments.RecordTitleLookupAsync(stored.Id, exact[0].ArxivId, exact[0].AbsUrl.ToString(), ct);
                Log.TitleLinkAttached(log, stored.Id, exact[0].ArxivId);
                attached++;
            }
            else
            {
                await amendments.RecordTitleLookupAsync(stored.Id, null, null, ct);
                Log.TitleLinkNotFound(log, stored.Id, candidates.Count, exact.Count);
            }
        }

        return attached;
    }
}
