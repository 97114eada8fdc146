using System.Globalization;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DigestBot.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Sources;

/// <summary>
/// The arXiv query API on a real Kestrel socket: Atom shaped like arXiv's (feed-level link and title
/// first, hard-wrapped indented titles and abstracts), its <c>Error</c> entries, and its throttle.
/// </summary>
internal sealed partial class FakeArxivServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _entries = new(StringComparer.Ordinal);
    private readonly List<FakeArxivRequest> _requests = [];
    private readonly Queue<FakeArxivFailure> _failures = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    private FakeArxivServer(TimeProvider time)
    {
        _server = new LoopbackServer(app => app.MapGet("/api/query", HandleAsync));
        _time = time;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>What <see cref="SourcesOptions.ArxivApiUrl"/> should point at.</summary>
    public Uri ApiUrl => new(BaseAddress, "/api/query");

    /// <summary>When set, well-formed ids it does not know give an empty feed instead of an <c>Error</c> entry.</summary>
    public bool UnknownIdsGiveEmptyFeed { get; set; }

    public IReadOnlyList<FakeArxivRequest> Requests
    {
        get { lock (_lock) { return [.. _requests]; } }
    }

    public static async Task<FakeArxivServer> StartAsync(TimeProvider? time = null)
    {
        var server = new FakeArxivServer(time ?? TimeProvider.System);
        await server._server.StartAsync();
        return server;
    }

    public void Add(PaperMetadata paper, int version = 1)
    {
        lock (_lock)
        {
            _entries[paper.ArxivId] = Entry(paper, version);
        }
    }

    /// <summary>Serve <paramref name="entryXml"/> (one Atom <c>&lt;entry&gt;</c>) for <paramref name="arxivId"/>.</summary>
    public void AddRawEntry(string arxivId, string entryXml)
    {
        lock (_lock)
        {
            _entries[arxivId] = entryXml;
        }
    }

    public void FailNext(int count, FakeArxivFailure failure)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(failure);
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests in total have arrived.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_lock)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        FakeArxivFailure? failure;
        lock (_lock)
        {
            _requests.Add(new FakeArxivRequest(context.Request.Path + context.Request.QueryString, _time.GetUtcNow()));
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }

            failure = _failures.TryDequeue(out var f) ? f : null;
        }

        switch (failure)
        {
            case FakeArxivFailure.RateExceededText:
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("Rate exceeded.");
                return;
            case FakeArxivFailure.ServiceUnavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsync("<html><body><h1>503 Service Unavailable</h1></body></html>");
                return;
            case FakeArxivFailure.TooManyRequests:
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("Rate exceeded.");
                return;
            case FakeArxivFailure.Hang:
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _server.Stopping))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
        }

        var query = context.Request.Query;
        var entries = new List<string>();
        string? idList = query["id_list"];
        string? searchQuery = query["search_query"];
        var maxResults = int.TryParse(query["max_results"], CultureInfo.InvariantCulture, out var max) ? max : 10;
        lock (_lock)
        {
            if (!string.IsNullOrEmpty(idList))
            {
                foreach (var requested in idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (!WellFormedId().IsMatch(requested))
                    {
                        // arXiv answers a malformed id with only the error entry, whatever else was asked.
                        entries = [ErrorEntry($"incorrect id format for {requested}")];
                        break;
                    }

                    if (_entries.TryGetValue(ArxivAtom.BareId(requested), out var entry))
                    {
                        entries.Add(entry);
                    }
                    else if (!UnknownIdsGiveEmptyFeed)
                    {
                        entries = [ErrorEntry($"id not found: {requested}")];
                        break;
                    }
                }
            }
            else if (!string.IsNullOrEmpty(searchQuery) && TitlePhrase().Match(searchQuery) is { Success: true } phrase)
            {
                var wanted = ArxivAtom.Collapse(phrase.Groups[1].Value);
                entries = _entries.Values
                    .Where(e => ArxivAtom.Collapse(XElement.Parse(e).Elements().First(x => x.Name.LocalName == "title").Value)
                        .Contains(wanted, StringComparison.OrdinalIgnoreCase))
                    .Take(maxResults)
                    .ToList();
            }
        }

        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        await context.Response.WriteAsync(Feed(context.Request.QueryString.Value ?? "", entries));
    }

    private string Feed(string queryString, List<string> entries)
    {
        var self = SecurityElement.Escape("http://arxiv.org/api/query" + queryString);
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        sb.Append($"  <link href=\"{self}\" rel=\"self\" type=\"application/atom+xml\"/>\n");
        sb.Append($"  <title type=\"html\">ArXiv Query: {SecurityElement.Escape(Uri.UnescapeDataString(queryString.TrimStart('?')))}</title>\n");
        sb.Append("  <id>http://arxiv.org/api/6V1nFj6MRQFZs2ySDmhGKRt4LtE</id>\n");
        sb.Append($"  <updated>{_time.GetUtcNow().Date:yyyy-MM-dd}T00:00:00-04:00</updated>\n");
        sb.Append($"  <opensearch:totalResults xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">{entries.Count}</opensearch:totalResults>\n");
        sb.Append("  <opensearch:startIndex xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">0</opensearch:startIndex>\n");
        sb.Append($"  <opensearch:itemsPerPage xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">{entries.Count}</opensearch:itemsPerPage>\n");
        foreach (var entry in entries)
        {
            sb.Append(entry);
        }

        sb.Append("</feed>\n");
        return sb.ToString();
    }

    private static string Entry(PaperMetadata paper, int version)
    {
        var versioned = $"http://arxiv.org/abs/{paper.ArxivId}v{version}";
        var published = paper.Published ?? new DateTimeOffset(2024, 8, 1, 17, 0, 8, TimeSpan.Zero);
        var sb = new StringBuilder();
        sb.Append("  <entry>\n");
        sb.Append($"    <id>{versioned}</id>\n");
        sb.Append($"    <updated>{published.AddDays(version - 1):yyyy-MM-ddTHH:mm:ssZ}</updated>\n");
        sb.Append($"    <published>{published:yyyy-MM-ddTHH:mm:ssZ}</published>\n");
        sb.Append($"    <title>{Wrap(paper.Title, 50, "\n  ")}</title>\n");
        sb.Append($"    <summary>  {Wrap(paper.Abstract, 76, "\n")}\n</summary>\n");
        foreach (var author in paper.Authors)
        {
            sb.Append($"    <author>\n      <name>{SecurityElement.Escape(author)}</name>\n    </author>\n");
        }

        sb.Append("    <arxiv:comment xmlns:arxiv=\"http://arxiv.org/schemas/atom\">12 pages, 5 figures</arxiv:comment>\n");
        sb.Append($"    <link href=\"{versioned}\" rel=\"alternate\" type=\"text/html\"/>\n");
        sb.Append($"    <link title=\"pdf\" href=\"http://arxiv.org/pdf/{paper.ArxivId}v{version}\" rel=\"related\" type=\"application/pdf\"/>\n");
        if (paper.Categories.Count > 0)
        {
            sb.Append($"    <arxiv:primary_category xmlns:arxiv=\"http://arxiv.org/schemas/atom\" term=\"{paper.Categories[0]}\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
        }

        foreach (var category in paper.Categories)
        {
            sb.Append($"    <category term=\"{category}\" scheme=\"http://arxiv.org/schemas/atom\"/>\n");
        }

        sb.Append("  </entry>\n");
        return sb.ToString();
    }

    private string ErrorEntry(string summary)
    {
        var anchor = "http://arxiv.org/api/errors#" + SecurityElement.Escape(summary.Replace(' ', '_').Replace(":", ""));
        return $"""
              <entry>
                <id>{anchor}</id>
                <title>Error</title>
                <summary>{SecurityElement.Escape(summary)}</summary>
                <updated>{_time.GetUtcNow().Date:yyyy-MM-dd}T00:00:00-04:00</updated>
                <link href="{anchor}" rel="alternate" type="text/html"/>
                <author>
                  <name>arXiv api core</name>
                </author>
              </entry>

            """;
    }

    /// <summary>Hard-wraps at word boundaries the way arXiv stores titles and abstracts.</summary>
    private static string Wrap(string text, int width, string lineBreak)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
        return SecurityElement.Escape(string.Join(lineBreak, lines))!;
    }

    [GeneratedRegex(@"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")]
    private static partial Regex WellFormedId();

    [GeneratedRegex("ti:\"([^\"]*)\"")]
    private static partial Regex TitlePhrase();
}
