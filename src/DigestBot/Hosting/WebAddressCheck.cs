using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace DigestBot.Hosting;

/// <summary>
/// Before <c>run</c> starts, tries each address in the <c>Urls</c> setting, so a port that another program holds is
/// one sentence instead of Kestrel's logged stack trace and an aborted process.
/// </summary>
internal static class WebAddressCheck
{
    public static void EnsureFree(string? urls)
    {
        foreach (var url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Probe(url) is { } endpoint && !CanListen(endpoint))
            {
                throw new OptionsValidationException("Urls", typeof(string),
                [
                    $"{url} is already in use by another program, perhaps another DigestBot. " +
                    "Stop it, or give this bot another address with --Urls=http://127.0.0.1:8081 (the Urls setting).",
                ]);
            }
        }
    }

    /// <summary>The endpoint to try, or null when there is nothing to try (port 0, or a form Kestrel will judge itself).</summary>
    private static IPEndPoint? Probe(string url)
    {
        // "*" and "+" mean every address; Uri does not parse them as hosts.
        var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
        {
            return null;
        }

        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
        {
            return new IPEndPoint(IPAddress.Loopback, uri.Port);
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : new IPEndPoint(IPAddress.Any, uri.Port);
    }

    private static bool CanListen(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel does on Linux: a port left in TIME_WAIT by a bot that just stopped is free to take.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(endpoint);
            socket.Listen();
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // Other failures (an address this machine lacks, a port it may not use) are Kestrel's to report.
            return true;
        }
    }
}
