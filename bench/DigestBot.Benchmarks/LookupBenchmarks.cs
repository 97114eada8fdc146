using BenchmarkDotNet.Attributes;
using DigestBot.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// /tag, /tags and /search as a reader sends them, through the command handler, against 100,000 stored notes.
/// p99 figures come from the <c>latency</c> verb (1,000 timed calls each); this gives means, medians and allocations.
/// </summary>
[Config(typeof(BenchConfig))]
public class LookupBenchmarks
{
    public const int StoredNotes = 100_000;

    private ServiceProvider? services;
    private ChatCommandHandler? handler;

    [Params("/tag llm", "/tag korean-nlp", "/tags", "/search 데이터 엔진", "/search sparse routing", "/search 4242")]
    public string Command { get; set; } = "";

    [GlobalSetup]
    public void OpenStore()
    {
        var path = LargeStore.EnsureAsync(StoredNotes, Console.Out).GetAwaiter().GetResult();
        services = BenchServices.Create(path);
        handler = services.GetRequiredService<ChatCommandHandler>();
    }

    [GlobalCleanup]
    public void CloseStore() => services?.Dispose();

    [Benchmark]
    public async Task<int> Lookup()
    {
        var reply = await handler!.HandleAsync(Reader(Command), CancellationToken.None);
        return reply!.Notes.Count + reply.Lines.Count;
    }

    internal static ChatMessage Reader(string text) => new(ChatPlatform.Telegram, "4242", "4242", text, FromCurator: false);
}
