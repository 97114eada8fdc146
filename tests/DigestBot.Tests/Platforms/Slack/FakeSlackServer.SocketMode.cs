using System.Net.WebSockets;
using System.Text;

namespace DigestBot.Tests.Platforms.Slack;

// Socket Mode connections that misbehave as a broken network or a broken Slack would.
internal sealed partial class FakeSlackServer
{
    private readonly Queue<SocketMisbehaviour> misbehaviours = new();

    private enum SocketMisbehaviour
    {
        /// <summary>The WebSocket handshake is never answered.</summary>
        HangHandshake,

        /// <summary>The connection opens and says hello, then reads nothing more: pings go unanswered.</summary>
        Freeze,
    }

    /// <summary>The next connection attempt gets no answer to its handshake.</summary>
    public void HangNextHandshake() => Misbehave(SocketMisbehaviour.HangHandshake);

    /// <summary>The next connection says hello and then goes silent, answering no ping.</summary>
    public void FreezeNextConnection() => Misbehave(SocketMisbehaviour.Freeze);

    /// <summary>Sends one text frame as it is, JSON or not, to the connected Socket Mode client.</summary>
    public async Task SendRawAsync(string text)
    {
        var open = socket ?? throw new InvalidOperationException("No Socket Mode client is connected.");
        await open.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, server.Stopping);
    }

    private void Misbehave(SocketMisbehaviour misbehaviour)
    {
        lock (gate)
        {
            misbehaviours.Enqueue(misbehaviour);
        }
    }

    private bool TakeMisbehaviour(SocketMisbehaviour misbehaviour)
    {
        lock (gate)
        {
            return misbehaviours.TryPeek(out var next) && next == misbehaviour && misbehaviours.TryDequeue(out _);
        }
    }

    private async Task UntilStoppedAsync()
    {
        try
        {
            await Task.Delay(Timeout.Infinite, server.Stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
