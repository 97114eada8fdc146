using System.Net;
using System.Net.Sockets;
using DigestBot.Notes;
using DigestBot.Publishing;

namespace DigestBot.Tests.Platforms.Slack;

/// <summary>
/// Telegram pointed at a closed port on loopback: every send is a real connection refused, until <see cref="ComeBack"/>.
/// Stands in for the Telegram destination, which is built on another branch; the publisher only sees an <see cref="IDestination"/>.
/// </summary>
internal sealed class UnreachableTelegramDestination : IDestination, IDisposable
{
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri closedPort = new($"http://127.0.0.1:{ClosedPort()}/bot123:fake/sendMessage");
    private readonly List<string> delivered = [];
    private volatile bool up;

    public string Key => "telegram:@digest_channel";

    public int Attempts { get; private set; }

    public IReadOnlyList<string> Delivered
    {
        get { lock (delivered) { return [.. delivered]; } }
    }

    public void ComeBack() => up = true;

    public async Task<string?> SendAsync(Note note, IReadOnlyList<string> sentMessageIds, Func<string, CancellationToken, Task> partSent, CancellationToken ct)
    {
        Attempts++;
        if (!up)
        {
            using var response = await http.PostAsync(closedPort, new StringContent(note.Title), ct);
        }

        lock (delivered)
        {
            delivered.Add(note.Title);
        }

        await partSent(delivered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return null;
    }

    public void Dispose() => http.Dispose();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
