using System.Globalization;
using DigestBot.Hosting;
using DigestBot.Notes;
using DigestBot.Platforms.Console;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Web;

/// <summary>
/// The real host with the console platform, as <c>run</c> builds it, on loopback with a temp database; no schedule runs,
/// so a test decides which notes are posted (<see cref="PostAsync"/>, recorded as the publisher records them) and when
/// (<see cref="Time"/>).
/// </summary>
internal sealed class ArchiveHost : IAsyncDisposable
{
    public const string ChannelKey = "telegram:@digest_channel";
    public const string SlackKey = "slack:C0123456789";
    public const string SubscriberKey = "telegram:chat:-100999";

    private readonly TempFolder folder;

    private ArchiveHost(TempFolder folder, WebApplication app, FakeTimeProvider time)
    {
        this.folder = folder;
        App = app;
        Time = time;
        BaseAddress = new Uri(app.Urls.First() + "/");
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; }

    /// <summary>Follows no redirect, so tests see the 301s themselves.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public string DatabasePath => Services.GetRequiredService<SqliteDatabase>().FullPath;

    /// <param name="configure">Changes to the host before it is built, beyond settings.</param>
    public static async Task<ArchiveHost> StartAsync(IDictionary<string, string>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = new TempFolder();
        var values = new Dictionary<string, string>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Path"] = folder.File("data/digestbot.db"),
            ["Inbox:Path"] = folder.File("inbox"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sources:ArxivApiUrl"] = "http://127.0.0.1:9/api/query",
            ["Sources:BackfillInterval"] = "1.00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var builder = DigestBotHost.CreateBuilder(values.Select(kv => $"--{kv.Key}={kv.Value}").ToList(), forCommand: false);
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 20, 9, 0, 0, TimeSpan.Zero));
        // Only posting times follow the fake clock; the web server keeps the real one for its own timeouts.
        builder.Services.RemoveAll<DeliveryStore>();
        builder.Services.AddSingleton(sp => new DeliveryStore(sp.GetRequiredService<SqliteDatabase>(), time));
        builder.Services.Replace(new ConsoleInput(TextReader.Null));
        builder.Services.Replace(new ConsoleOutput(TextWriter.Null));
        foreach (var scheduler in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SlotScheduler)).ToList())
        {
            builder.Services.Remove(scheduler);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDigestBot();
        await app.StartAsync();
        return new ArchiveHost(folder, app, time);
    }

    /// <summary>Queues the notes and records them posted now, to the channel (with permalinks), Slack and a subscriber.</summary>
    /// <remarks>Posts take notes from the front of the queue: queue notes that stay queued only after posting.</remarks>
    public async Task<IReadOnlyList<long>> PostAsync(params Note[] notes)
    {
        var store = Services.GetRequiredService<NoteStore>();
        var deliveries = Services.GetRequiredService<DeliveryStore>();
        var imported = await store.ImportAsync(notes, CancellationToken.None);
        var destinations = new IDestination[] { new FakeChannelDestination(ChannelKey), new FakeChannelDestination(SlackKey), new FakeChannelDestination(SubscriberKey) };
        var taken = await deliveries.TakeForSlotAsync(notes.Length, destinations, null, CancellationToken.None);
        Assert.Equal(imported.Queued.Select(q => q.Id), taken.Select(t => t.Id));
        foreach (var note in taken)
        {
            var id = note.Id.ToString(CultureInfo.InvariantCulture);
            await deliveries.MarkSentAsync(note.Id, ChannelKey, "https://t.me/digest_channel/" + id, CancellationToken.None);
            await deliveries.MarkSentAsync(note.Id, SlackKey, "https://example.slack.com/archives/C0123456789/p" + id, CancellationToken.None);
            await deliveries.MarkSentAsync(note.Id, SubscriberKey, "https://t.me/c/999/" + id, CancellationToken.None);
        }

        return taken.Select(t => t.Id).ToList();
    }

    /// <summary>Queues notes that are not posted.</summary>
    public async Task<IReadOnlyList<long>> QueueAsync(params Note[] notes) =>
        (await Services.GetRequiredService<NoteStore>().ImportAsync(notes, CancellationToken.None)).Queued.Select(q => q.Id).ToList();

    public async Task<(HttpResponseMessage Response, string Body)> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await Client.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
    }
}
