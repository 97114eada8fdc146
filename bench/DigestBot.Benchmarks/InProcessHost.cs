using DigestBot.Hosting;
using DigestBot.Notes;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Benchmarks;

/// <summary>
/// The real host in the harness's process, long-polling a fake Telegram, with the SAM 2 note stored: what
/// <c>fanout</c> and <c>flood</c> measure. Disposing stops it and deletes its folder.
/// </summary>
internal sealed class InProcessHost : IAsyncDisposable
{
    private readonly RunFolder folder;

    private InProcessHost(RunFolder folder, WebApplication app)
    {
        this.folder = folder;
        App = app;
    }

    public WebApplication App { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the host with the round trip's settings and then <paramref name="settings"/> (<c>--Key=value</c>, later ones win).</summary>
    public static InProcessHost Create(FakeTelegramServer telegram, string purpose, IEnumerable<string> settings)
    {
        var folder = BenchServices.NewRunFolder(purpose);
        var arguments = RoundTripRun.HostArguments(telegram, Path.Combine(folder.Path, "digestbot.db"), folder.Path);
        arguments.AddRange(settings);
        var app = DigestBotHost.CreateBuilder(arguments, forCommand: false).Build();
        app.MapDigestBot();
        return new InProcessHost(folder, app);
    }

    /// <summary>Stores the SAM 2 note, queued under <paramref name="tags"/>, starts the host and waits for its first poll.</summary>
    public async Task StartWithSam2Async(FakeTelegramServer telegram, params string[] tags)
    {
        await Get<NoteStore>().ImportAsync(
            [new Note { Title = "SAM 2: Segment Anything in Images and Videos", ArxivId = "2408.00714", Links = ["https://arxiv.org/abs/2408.00714"], Commentary = "SAM 2가 나왔군요. **비디오**에 대한 확장입니다.", Tags = [.. tags] }],
            CancellationToken.None);
        await App.StartAsync();
        await telegram.WaitForArrivalsAsync("getUpdates", 1).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        folder.Dispose();
    }
}
