using DigestBot.Importing;
using DigestBot.Notes;
using DigestBot.Sources;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using DigestBot.Tests.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Importing;

/// <summary>Notes without a paper link get one only when arXiv has exactly their title.</summary>
public sealed class TitleLinkLookupTests : IAsyncLifetime
{
    private readonly TempFolder folder = new();
    private FakeArxivServer arxiv = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        arxiv = await FakeArxivServer.StartAsync();
        services = TestServices.Create(folder, new Dictionary<string, string?>
        {
            ["Sources:ArxivApiUrl"] = arxiv.ApiUrl.ToString(),
            ["Sources:ArxivMinInterval"] = "00:00:00",
        }, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await arxiv.DisposeAsync();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task The_sample_notes_get_a_link_only_for_an_exact_title_match()
    {
        arxiv.Add(TelegramChatHost.Paper("2407.21075", "Apple Intelligence Foundation Language Models"));
        arxiv.Add(TelegramChatHost.Paper("2407.20999", "ByteCheckpoint: A Unified Checkpointing System for LLM Development"));
        arxiv.Add(TelegramChatHost.Paper("2407.20177", "AutoScale: Automatic Prediction of Compute-optimal Data Composition for Training LLMs"));
        arxiv.Add(TelegramChatHost.Paper("2407.20000", "AutoScale: Automatic Prediction of Compute-optimal Data Composition for Training LLMs, Revisited"));
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Formatting", "digest-2024-07-30.txt");
        await services.GetRequiredService<NoteImporter>().ImportFileAsync(path, default);
        var lookup = ActivatorUtilities.CreateInstance<TitleLinkLookup>(services);

        var attached = await lookup.LookUpAsync(default);
        var again = await lookup.LookUpAsync(default);
        var notes = await services.GetRequiredService<NoteStore>().QueuedAsync(default);
        var byTitle = notes.ToDictionary(n => n.Note.Title[..10], n => (n.Note.ArxivId, n.Note.PaperLink));

        Assert.Equal(2, attached);
        Assert.Equal(0, again);
        // "FoundationLanguage" in the sample is not arXiv's title: a near miss is never attached.
        Assert.Equal((null, null), byTitle["Apple Inte"]);
        Assert.Equal(("2407.20999", "https://arxiv.org/abs/2407.20999"), byTitle["ByteCheckp"]);
        Assert.Equal(("2407.20177", "https://arxiv.org/abs/2407.20177"), byTitle["AutoScale:"]);
        Assert.Equal("https://ai.meta.com/blog/segment-anything-2", byTitle["SAM 2: Seg"].PaperLink);
        Assert.Equal(5, arxiv.Requests.Count);
        Assert.All(arxiv.Requests, r => Assert.Contains("search_query=ti%3A%22", r.PathAndQuery));
    }

    [Fact]
    public async Task When_arxiv_is_down_the_lookup_waits_for_the_next_pass()
    {
        arxiv.Add(TelegramChatHost.Paper("2407.20999", "ByteCheckpoint: A Unified Checkpointing System for LLM Development"));
        await services.GetRequiredService<NoteStore>().ImportAsync(
            [new Note { Title = "ByteCheckpoint: A Unified Checkpointing System for LLM Development", Tags = ["infrastructure"] }], default);
        arxiv.FailNext(1, FakeArxivFailure.RateExceededText);
        var lookup = ActivatorUtilities.CreateInstance<TitleLinkLookup>(services);

        var during = await lookup.LookUpAsync(default);
        var after = await lookup.LookUpAsync(default);

        Assert.Equal((0, 1), (during, after));
    }
}
