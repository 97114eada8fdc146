using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DigestBot.Tests;

/// <summary>
/// The real Kestrel socket under a fake remote API: <c>127.0.0.1</c> on a free port, logging only
/// warnings. <see cref="Stopping"/> is cancelled first on dispose, so a request a fake holds open
/// (a hang it was asked for, a long poll) lets the server stop.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="map">Adds the fake's endpoints or request handler.</param>
    public LoopbackServer(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _app = builder.Build();
        map(_app);
    }

    /// <summary>Where the server listens, once started.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public CancellationToken Stopping => _stopping.Token;

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
