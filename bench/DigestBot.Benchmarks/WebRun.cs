using System.Diagnostics;
using System.Net;
using DigestBot.Hosting;
using DigestBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// <c>web [--notes 100000] [--calls 1000] [--site-notes 10000]</c>: the archive's pages and feeds, each requested call by
/// call over loopback from the real host on the cached store (so the time includes HTTP on loopback: an upper bound
/// of the server's), p50/p99/max; a conditional feed request answered 304; page sizes; and <c>site</c> exporting a
/// store of <c>--site-notes</c> notes, twice (the second run finds every file unchanged).
/// </summary>
internal static class WebRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new VerbArguments(args);
        var notes = options.Int("notes", LookupBenchmarks.StoredNotes);
        var calls = options.Int("calls", 1_000);
        var path = await LargeStore.EnsureAsync(notes, Console.Out);
        var folder = BenchServices.NewFolder("web");
        var app = DigestBotHost.CreateBuilder(
            [
                "--Urls=http://127.0.0.1:0",
                "--Storage:Path=" + path,
                "--Inbox:Path=" + Path.Combine(folder, "inbox"),
                "--Logging:LogLevel:Default=Warning",
                // No slot may post the store's queued notes while it is measured.
                "--Schedule:Cron=0 0 1 1 *",
            ],
            forCommand: false).Build();
        app.MapDigestBot();
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var feed = await client.GetAsync("/feed.atom");
            var etag = feed.Headers.ETag!.Tag;
            var requests = new (string Name, string Path, string? IfNoneMatch)[]
            {
                ("front page", "/", null),
                ("front page 500", "/?page=500", null),
                ("tag, 30,000 notes", "/tags/llm", null),
                ("tag, 1,300 notes", "/tags/korean-nlp", null),
                ("tag page 1,000", "/tags/llm?page=1000", null),
                ("note", "/notes/50001", null),
                ("tags", "/tags", null),
                ("search", "/search?q=" + Uri.EscapeDataString("데이터 엔진"), null),
                ("feed", "/feed.atom", null),
                ("tag feed", "/tags/llm.atom", null),
                ("feed, If-None-Match (304)", "/feed.atom", etag),
            };
            Console.WriteLine($"store: {notes:N0} notes ({path}); {calls:N0} sequential requests each over loopback after 50 warm-up requests");
            Console.WriteLine("| request | status | bytes | p50 | p99 | max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var (name, address, ifNoneMatch) in requests)
            {
                var (status, bytes) = (HttpStatusCode.OK, 0L);
                for (var i = 0; i < 50; i++)
                {
                    (status, bytes) = await GetAsync(client, address, ifNoneMatch);
                }

                var times = new List<double>(calls);
                for (var i = 0; i < calls; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await GetAsync(client, address, ifNoneMatch);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine(
                    $"| {name} `{address}` | {(int)status} | {bytes:N0} | {Percentiles.Ms(Percentiles.Of(times, 50))} | {Percentiles.Ms(Percentiles.Of(times, 99))} | {Percentiles.Ms(times.Max())} |");
            }

            Console.WriteLine($"stylesheet: {StyleSheetFile.Bytes.Length:N0} bytes, fetched once per version and kept");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        await ExportAsync(options.Int("site-notes", 10_000));
        return 0;
    }

    private static async Task ExportAsync(int notes)
    {
        var path = await LargeStore.EnsureAsync(notes, Console.Out);
        using var run = BenchServices.NewRunFolder("site");
        await using var services = BenchServices.Create(path, new Dictionary<string, string?> { ["Web:BaseUrl"] = "https://you.github.io/papers/" });
        var export = services.GetRequiredService<SiteExport>();
        foreach (var pass in new[] { "first run", "second run, nothing changed" })
        {
            var watch = Stopwatch.StartNew();
            var files = await export.WriteAsync(Path.Combine(run.Path, "site"), CancellationToken.None);
            var size = Directory.GetFiles(files.Folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine(
                $"site, {notes:N0} notes, {pass}: {watch.Elapsed.TotalSeconds:F1} s; {files.Written:N0} written, {files.Unchanged:N0} unchanged, {size / 1024.0 / 1024.0:F0} MiB, feeds included");
        }
    }

    private static async Task<(HttpStatusCode Status, long Bytes)> GetAsync(HttpClient client, string path, string? ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body.LongLength);
    }
}
