using System.Net;
using DigestBot.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Sources;

public sealed class ArxivClientTests : IAsyncLifetime
{
    internal static readonly PaperMetadata Sam2 = new(
        "2408.00714",
        "SAM 2: Segment Anything in Images and Videos, a Foundation Model Towards Promptable Visual Segmentation",
        ["Nikhila Ravi", "Valentin Gabeur", "Yuan-Ting Hu", "Ronghang Hu"],
        "We present Segment Anything Model 2 (SAM 2), a foundation model towards solving promptable visual segmentation in images and videos. We build a data engine, which improves model and data via user interaction, to collect the largest video segmentation dataset to date.",
        new Uri("https://arxiv.org/abs/2408.00714"),
        new DateTimeOffset(2024, 8, 1, 17, 0, 8, TimeSpan.Zero),
        ["cs.CV", "cs.AI", "cs.LG"]);

    private static readonly PaperMetadata OldStyle = new(
        "hep-th/9901001",
        "Old Style Identifiers Still Work",
        ["A. Physicist"],
        "An abstract.",
        new Uri("https://arxiv.org/abs/hep-th/9901001"),
        new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero),
        ["hep-th"]);

    private FakeArxivServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeArxivServer.StartAsync();
        _server.Add(Sam2, version: 2);
        _server.Add(OldStyle);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Metadata_is_parsed_with_wrapped_text_collapsed_and_the_version_stripped()
    {
        using var client = Client(_server.ApiUrl);

        var paper = await client.GetByIdAsync("2408.00714", CancellationToken.None);

        Assert.Equal("2408.00714", paper.ArxivId);
        Assert.Equal(Sam2.Title, paper.Title);
        Assert.Equal(Sam2.Abstract, paper.Abstract);
        Assert.Equal(Sam2.Authors, paper.Authors);
        Assert.Equal(Sam2.Published, paper.Published);
        Assert.Equal(["cs.CV", "cs.AI", "cs.LG"], paper.Categories);
        // Not the feed's own self link, which comes first in the document.
        Assert.Equal(new Uri("https://arxiv.org/abs/2408.00714"), paper.AbsUrl);
        Assert.Equal("/api/query?id_list=2408.00714&max_results=1", Assert.Single(_server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Old_style_ids_and_versioned_requests_come_back_bare()
    {
        using var client = Client(_server.ApiUrl);

        var paper = await client.GetByIdAsync("hep-th/9901001v1", CancellationToken.None);

        Assert.Equal("hep-th/9901001", paper.ArxivId);
        Assert.Equal(new Uri("https://arxiv.org/abs/hep-th/9901001"), paper.AbsUrl);
    }

    [Theory]
    [InlineData("1234.567", "incorrect id format for 1234.567")]
    [InlineData("2408.99999", "id not found: 2408.99999")]
    public async Task The_Error_entry_is_not_a_paper(string id, string arxivSaid)
    {
        using var client = Client(_server.ApiUrl);

        var e = await Assert.ThrowsAsync<ArxivNotFoundException>(() => client.GetByIdAsync(id, CancellationToken.None));

        Assert.Equal(arxivSaid, e.ArxivSaid);
        Assert.Contains(id, e.Message);
        Assert.Contains(arxivSaid, e.Message);
    }

    [Fact]
    public async Task An_empty_feed_is_not_found()
    {
        _server.UnknownIdsGiveEmptyFeed = true;
        using var client = Client(_server.ApiUrl);

        var e = await Assert.ThrowsAsync<ArxivNotFoundException>(() => client.GetByIdAsync("2408.99999", CancellationToken.None));

        Assert.Equal("2408.99999", e.Query);
    }

    [Theory]
    [InlineData(FakeArxivFailure.RateExceededText, null)]
    [InlineData(FakeArxivFailure.TooManyRequests, HttpStatusCode.TooManyRequests)]
    [InlineData(FakeArxivFailure.ServiceUnavailable, HttpStatusCode.ServiceUnavailable)]
    public async Task Throttling_is_unavailable_and_the_next_request_works(FakeArxivFailure failure, HttpStatusCode? status)
    {
        using var client = Client(_server.ApiUrl);
        _server.FailNext(1, failure);

        var e = await Assert.ThrowsAsync<ArxivUnavailableException>(() => client.GetByIdAsync("2408.00714", CancellationToken.None));
        var paper = await client.GetByIdAsync("2408.00714", CancellationToken.None);

        Assert.Equal(status ?? HttpStatusCode.OK, e.StatusCode);
        Assert.Equal("2408.00714", paper.ArxivId);
    }

    [Fact]
    public async Task A_server_that_is_gone_is_unavailable()
    {
        var url = _server.ApiUrl;
        await _server.DisposeAsync();
        _server = await FakeArxivServer.StartAsync();
        using var client = Client(url);

        var e = await Assert.ThrowsAsync<ArxivUnavailableException>(() => client.GetByIdAsync("2408.00714", CancellationToken.None));

        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_request_that_outlives_the_timeout_is_unavailable()
    {
        var time = new FakeTimeProvider();
        using var client = Client(_server.ApiUrl, time, TimeSpan.Zero);
        _server.FailNext(1, FakeArxivFailure.Hang);

        var lookup = client.GetByIdAsync("2408.00714", CancellationToken.None);
        await _server.WaitForRequestsAsync(1);
        Assert.False(lookup.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(20));

        var e = await Assert.ThrowsAsync<ArxivUnavailableException>(() => lookup);
        Assert.Contains("20 s", e.Message);
    }

    [Fact]
    public async Task The_second_request_waits_for_the_minimum_interval()
    {
        var start = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var time = new WatchedTimeProvider(start);
        await using var server = await FakeArxivServer.StartAsync(time);
        server.Add(Sam2);
        server.Add(OldStyle);
        using var client = Client(server.ApiUrl, time, TimeSpan.FromSeconds(3));

        await client.GetByIdAsync("2408.00714", CancellationToken.None);
        var second = client.GetByIdAsync("hep-th/9901001", CancellationToken.None);
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(3), "the second request to wait for the minimum interval");
        time.Advance(TimeSpan.FromSeconds(2.9));
        await time.WaitForTimerAsync(start + TimeSpan.FromSeconds(3), "the second request to wait on, a tenth of a second before its turn");

        Assert.False(second.IsCompleted);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(0.1));
        var paper = await second;

        Assert.Equal("hep-th/9901001", paper.ArxivId);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(server.Requests[1].At - server.Requests[0].At >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Search_by_title_quotes_the_phrase_and_returns_matches()
    {
        using var client = Client(_server.ApiUrl);

        var papers = await client.SearchByTitleAsync("Segment  Anything in \"Images\"", CancellationToken.None);
        var none = await client.SearchByTitleAsync("No Such Title", CancellationToken.None);

        Assert.Equal("2408.00714", Assert.Single(papers).ArxivId);
        Assert.Empty(none);
        Assert.Equal(
            "/api/query?search_query=ti%3A%22Segment%20Anything%20in%20Images%22&start=0&max_results=5",
            _server.Requests[0].PathAndQuery);
    }

    [Fact]
    public void Registration_binds_configuration_and_shares_one_client()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
                ["Sources:ArxivMinInterval"] = "00:00:05",
            })
            .Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddPaperSources()
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<SourcesOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:9/api/query"), options.ArxivApiUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ArxivMinInterval);
        Assert.Equal(TimeSpan.FromSeconds(20), options.ArxivTimeout);
        Assert.Same(provider.GetRequiredService<ArxivClient>(), provider.GetRequiredService<ArxivClient>());
    }

    private static ArxivClient Client(Uri apiUrl, TimeProvider? time = null, TimeSpan? minInterval = null) =>
        new(
            new HttpClient(),
            Options.Create(new SourcesOptions { ArxivApiUrl = apiUrl, ArxivMinInterval = minInterval ?? TimeSpan.Zero }),
            time ?? TimeProvider.System,
            NullLogger<ArxivClient>.Instance);
}
