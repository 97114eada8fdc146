using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace DigestBot.Web;

/// <summary>Says where the archive can be opened once the web server listens: <c>Web:BaseUrl</c>, else the first address in <c>Urls</c>.</summary>
internal sealed class ArchiveAddress(
    IServiceProvider services, IHostApplicationLifetime lifetime, IOptions<WebOptions> options, ILogger<ArchiveAddress> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
                if ((options.Value.BaseUri?.AbsoluteUri ?? Browsable(listening)) is { } address)
                {
                    Log.ArchiveAt(log, address);
                }
            });
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>http://0.0.0.0:8080</c> listens everywhere, but a browser opens <c>http://localhost:8080/</c>.</summary>
    internal static string? Browsable(string? listening)
    {
        if (listening is null)
        {
            return null;
        }

        var address = listening
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal);
        return address.EndsWith('/') ? address : address + "/";
    }
}
