using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DigestBot.Tests.Platforms.Slack;

// Socket Mode: the WebSocket, the frames a test sends over it, and connections that misbehave as a broken network or a broken Slack would.
internal sealed partial class FakeSlackServer
{
    /// <summary>Sends one frame to the connected Socket Mode client.</summary>
    public async Task SendAsync(JsonObject frame)
    {
        var open = socket ?? throw new InvalidOperationException("No Socket Mode client is connected.");
        await open.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, server.Stopping);
    }

    /// <summary>An <c>events_api</c> envelope around an <c>event_callback</c>.</summary>
    public static JsonObject EventsApiEnvelope(string envelopeId, JsonObject callback, int retryAttempt = 0) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "events_api",
        ["accepts_response_payload"] = false,
        ["retry_attempt"] = retryAttempt,
        ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        ["payload"] = callback.DeepClone(),
    };

    /// <summary>An <c>interactive</c> envelope around a button press.</summary>
    public static JsonObject InteractiveEnvelope(string envelopeId, JsonObject payload) => new()
    {
        ["envelope_id"] = envelopeId,
        ["type"] = "interactive",
        ["accepts_response_payload"] = false,
        ["payload"] = payload.DeepClone(),
    };

    /// <summary>Slack's request to reconnect: the URL is rotating.</summary>
    public Task RequestReconnectAsync() =>
        SendAsync(new JsonObject
        {
            ["type"] = "disconnect",
            ["reason"] = "refresh_requested",
            ["debug_info"] = new JsonObject { ["host"] = "applink-fake" },
        });

    /// <summary>Drops the Socket Mode connection without a close handshake, as a network failure would.</summary>
    public void DropConnection()
    {
        lock (gate)
        {
            socket?.Abort();
        }
    }

    private async Task HandleSocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (TakeMisbehaviour(SocketMisbehaviour.HangHandshake))
        {
            await UntilStoppedAsync();
            return;
        }

        using var accepted = await context.WebSockets.AcceptWebSocketAsync();
        lock (gate)
        {
            socket = accepted;
        }

        await SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["connection_info"] = new JsonObject { ["app_id"] = "A0DIGEST" },
        });
        lock (gate)
        {
            socketsAccepted++;
            Notify();
        }

        if (TakeMisbehaviour(SocketMisbehaviour.Freeze))
        {
            await UntilStoppedAsync();
            return;
        }

        var buffer = new byte[64 * 1024];
        try
        {
            while (accepted.State == WebSocketState.Open)
            {
                using var frame = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await accepted.ReceiveAsync(buffer, server.Stopping);
                    frame.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await accepted.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (JsonNode.Parse(frame.ToArray()) is JsonObject ack)
                {
                    acks.Enqueue(ack);
                    lock (gate)
                    {
                        Notify();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            lock (gate)
            {
                if (socket == accepted)
                {
                    socket = null;
                }

                Notify();
            }
        }
    }

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
