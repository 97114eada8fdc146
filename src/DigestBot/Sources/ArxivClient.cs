using System.Net;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Sources;

/// <summary>
/// Looks papers up in the arXiv API, one request at a time and no faster than
/// <see cref="SourcesOptions.ArxivMinInterval"/>. Register as a singleton so the pacing is shared.
/// </summary>
internal sealed class ArxivClient(HttpClient http, IOptions<SourcesOptions> options, TimeProvider time, ILogger<ArxivClient> log) : IDisposable
{
    private const int SearchResults = 5;

    private readonly SourcesOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastFinished;

    /// <exception cref="ArxivNotFoundException">No such paper, or the id is malformed.</exception>
    /// <exception cref="ArxivUnavailableException">Throttled, down or unreachable; try again later.</exception>
    public async Task<PaperMetadata> GetByIdAsync(string arxivId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(arxivId);
        var id = arxivId.Trim();
        var papers = await QueryAsync($"id_list={Uri.EscapeDataString(id)}&max_results=1", id, ct);
        return papers.Count > 0
            ? papers[0]
            : throw NotFound(id, "arXiv returned no entry for this id");
    }

    /// <summary>Up to five papers whose title matches <paramref name="title"/> as a phrase; empty when none do.</summary>
    /// <exception cref="ArxivUnavailableException">Throttled, down or unreachable; try again later.</exception>
    public async Task<IReadOnlyList<PaperMetadata>> SearchByTitleAsync(string title, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        // A quote inside the phrase would end it early; arXiv has no escape for it.
        var phrase = ArxivAtom.Collapse(title.Replace('"', ' '));
        var query = $"search_query={Uri.EscapeDataString($"ti:\"{phrase}\"")}&start=0&max_results={SearchResults}";
        return await QueryAsync(query, phrase, ct);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<IReadOnlyList<PaperMetadata>> QueryAsync(string query, string what, CancellationToken ct)
    {
        var url = new UriBuilder(_options.ArxivApiUrl) { Query = query }.Uri;
        await _gate.WaitAsync(ct);
        try
        {
            await WaitForTurnAsync(ct);
            try
            {
                var body = await FetchAsync(url, ct);
                var papers = Parse(body, what);
                Log.ArxivFound(log, what, papers.Count);
                return papers;
            }
            finally
            {
                // Measured from the end of the previous request: slow answers must not let us burst.
                _lastFinished = time.GetTimestamp();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task WaitForTurnAsync(CancellationToken ct)
    {
        if (_lastFinished is not { } last)
        {
            return;
        }

        var remaining = _options.ArxivMinInterval - time.GetElapsedTime(last);
        if (remaining > TimeSpan.Zero)
        {
            Log.ArxivPacing(log, remaining);
            await Task.Delay(remaining, time, ct);
        }
    }

    private async Task<string> FetchAsync(Uri url, CancellationToken ct)
    {
        Log.ArxivRequest(log, url);
        using var timeout = new CancellationTokenSource(_options.ArxivTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            using var response = await http.GetAsync(url, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                || body.TrimStart().StartsWith("Rate exceeded", StringComparison.OrdinalIgnoreCase))
            {
                Log.ArxivThrottled(log, response.StatusCode);
                throw new ArxivUnavailableException(
                    $"arXiv is throttling requests (HTTP {(int)response.StatusCode}); try again in a minute.", response.StatusCode);
            }

            // arXiv answers some bad queries with 400 and an Atom error entry: let the parser read it.
            if ((int)response.StatusCode >= 500 || (!response.IsSuccessStatusCode && !LooksLikeXml(body)))
            {
                throw new ArxivUnavailableException(
                    $"arXiv answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}; try again later.", response.StatusCode);
            }

            return body;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            Log.ArxivFailed(log, url, e);
            throw new ArxivUnavailableException($"arXiv did not answer within {_options.ArxivTimeout.TotalSeconds:0} s; try again later.", null, e);
        }
        catch (HttpRequestException e)
        {
            Log.ArxivFailed(log, url, e);
            throw new ArxivUnavailableException($"Could not reach arXiv at {url.GetLeftPart(UriPartial.Authority)}: {e.Message}", e.StatusCode, e);
        }
    }

    private IReadOnlyList<PaperMetadata> Parse(string body, string what)
    {
        try
        {
            return ArxivAtom.Parse(body, what);
        }
        catch (ArxivNotFoundException e)
        {
            Log.ArxivNotFound(log, what, e.ArxivSaid);
            throw;
        }
        catch (Exception e) when (e is XmlException or FormatException)
        {
            var start = body.Length > 80 ? body[..80] + "…" : body;
            throw new ArxivUnavailableException($"arXiv answered something that is not an Atom feed: \"{start.Trim()}\"", null, e);
        }
    }

    private ArxivNotFoundException NotFound(string query, string said)
    {
        Log.ArxivNotFound(log, query, said);
        return new ArxivNotFoundException(query, said);
    }

    private static bool LooksLikeXml(string body) => body.TrimStart().StartsWith('<');
}
