using Microsoft.Extensions.Logging;

namespace DigestBot.Sources;

/// <summary>
/// arXiv metadata for previews of links anyone may post (Slack unfurls). Answers, misses included, are kept for
/// <see cref="KeepFor"/>; and when <see cref="MaxWaiting"/> lookups already wait their turn at the paced
/// <see cref="ArxivClient"/>, another is not queued behind them but answered "unknown". A flood of links thus costs arXiv
/// one paced request at a time, and each preview a bounded wait.
/// </summary>
internal sealed class ArxivPreviewLookups(ArxivClient arxiv, TimeProvider time, ILogger<ArxivPreviewLookups> log) : IDisposable
{
    public const int MaxWaiting = 3;

    public const int MaxKept = 500;

    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(6);

    private readonly Lock gate = new();
    private readonly Dictionary<string, (PaperMetadata? Paper, DateTimeOffset Until)> kept = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim waiting = new(MaxWaiting, MaxWaiting);

    /// <returns>The paper; null when arXiv has none, cannot answer now, or too many lookups wait already.</returns>
    public async Task<PaperMetadata?> FindAsync(string arxivId, CancellationToken ct)
    {
        lock (gate)
        {
            if (kept.TryGetValue(arxivId, out var known) && known.Until > time.GetUtcNow())
            {
                return known.Paper;
            }
        }

        if (!await waiting.WaitAsync(0, ct))
        {
            Log.PreviewLookupSkipped(log, arxivId, MaxWaiting);
            return null;
        }

        try
        {
            PaperMetadata? paper;
            try
            {
                paper = await arxiv.GetByIdAsync(arxivId, ct);
            }
            catch (ArxivNotFoundException)
            {
                paper = null;
            }
            catch (ArxivUnavailableException e)
            {
                // Not kept: arXiv may answer the next time the link is posted.
                Log.PreviewLookupFailed(log, arxivId, e.Message);
                return null;
            }

            Keep(arxivId, paper);
            return paper;
        }
        finally
        {
            waiting.Release();
        }
    }

    public void Dispose() => waiting.Dispose();

    private void Keep(string arxivId, PaperMetadata? paper)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (kept.Count >= MaxKept)
            {
                foreach (var stale in kept.Where(k => k.Value.Until <= now).Select(k => k.Key).ToList())
                {
                    kept.Remove(stale);
                }
            }

            if (kept.Count >= MaxKept)
            {
                kept.Remove(kept.MinBy(k => k.Value.Until).Key);
            }

            kept[arxivId] = (paper, now + KeepFor);
        }
    }
}
