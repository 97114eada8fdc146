using DigestBot.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Sources;

/// <summary>Lookups for link previews: kept once answered, and skipped rather than queued when too many wait already.</summary>
public sealed class ArxivPreviewLookupsTests
{
    private static readonly PaperMetadata Sam2 = ArxivClientTests.Sam2;

    [Fact]
    public async Task While_three_lookups_wait_a_fourth_is_answered_unknown_at_once_and_answers_are_kept()
    {
        var time = new FakeTimeProvider();
        await using var server = await FakeArxivServer.StartAsync(time);
        server.Add(Sam2);
        server.FailNext(1, FakeArxivFailure.Hang);
        using var client = new ArxivClient(
            new HttpClient(), Options.Create(new SourcesOptions { ArxivApiUrl = server.ApiUrl, ArxivMinInterval = TimeSpan.Zero }), time, NullLogger<ArxivClient>.Instance);
        using var lookups = new ArxivPreviewLookups(client, time, NullLogger<ArxivPreviewLookups>.Instance);

        var hanging = lookups.FindAsync("2408.00714", CancellationToken.None);
        await server.WaitForRequestsAsync(1);
        var second = lookups.FindAsync("2408.00714", CancellationToken.None);
        var third = lookups.FindAsync("2408.00714", CancellationToken.None);
        var skipped = await lookups.FindAsync("2408.00715", CancellationToken.None);

        Assert.Null(skipped);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await hanging);
        Assert.Equal(Sam2.Title, (await second)?.Title);
        Assert.Equal(Sam2.Title, (await third)?.Title);
        var requests = server.Requests.Count;

        Assert.Equal(Sam2.Title, (await lookups.FindAsync("2408.00714", CancellationToken.None))?.Title);
        Assert.Equal(requests, server.Requests.Count);

        time.Advance(ArxivPreviewLookups.KeepFor);
        Assert.Equal(Sam2.Title, (await lookups.FindAsync("2408.00714", CancellationToken.None))?.Title);
        Assert.Equal(requests + 1, server.Requests.Count);
    }
}
