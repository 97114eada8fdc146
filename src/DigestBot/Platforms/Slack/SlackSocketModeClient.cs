using DigestBot.Hosting;
using System.Net.WebSockets;
using System.Text.Json;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Receives events and slash commands over Socket Mode: opens a URL with <c>apps.connections.open</c>,
/// acknowledges every envelope by its id, and opens a new connection whenever Slack asks (<c>disconnect</c>)
/// or the socket drops. Redelivered envelopes and events are handled once.
/// </summary>
internal sealed class SlackSocketModeClient(
    AppsApi apps,
    SlackEvents events,
    SlackCommands commands,
    SlackEventDeduplicator seen,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeClient> log) : BackgroundService
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    private int connections;

    /// <summary>Connections opened so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketMode)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = (await apps.OpenConnectionAsync(stoppingToken)).Url;
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(url), stoppingToken);
                var count = Interlocked.Increment(ref connections);
                failures = 0;
                Log.SocketConnected(log, count);
                var reason = await ReceiveAsync(socket, stoppingToken);
                Log.SocketReconnecting(log, reason);
                await CloseQuietlyAsync(socket, time);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (SlackApiException ex) when (ex.IsTokenError)
            {
                Log.SocketTokenRefused(log, ex.Error);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever broke this connection, the next one may work; Slack redelivers what was not acknowledged.
                failures++;
                var wait = ex is SlackApiException { RetryAfter: { } named }
                    ? named
                    : Backoff.After(failures, TimeSpan.FromSeconds(1), MaxReconnectDelay);
                Log.SocketFailed(log, ex, failures, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    /// <summary>Reads frames until Slack asks for a new connection or the socket closes; returns why.</summary>
    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        // Not disposed here: a slow slash command may still be acknowledging on it after the loop ends.
        var sending = new SemaphoreSlim(1, 1);
        var buffer = new byte[16 * 1024];
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return "closed by Slack: " + (result.CloseStatusDescription ?? result.CloseStatus?.ToString() ?? "no reason");
            }

            frame.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var envelope = JsonSerializer.Deserialize(frame.GetBuffer().AsSpan(0, (int)frame.Length), SlackWebApiJsonContext.Default.SocketModeEnvelope);
            frame.SetLength(0);
            if (envelope is null)
            {
                continue;
            }

            switch (envelope.Type)
            {
                case "hello":
                    break;
                case "disconnect":
                    return "disconnect: " + (envelope.Reason ?? "no reason");
                default:
                    await HandleEnvelopeAsync(socket, sending, envelope, ct);
                    break;
            }
        }

        return "socket " + socket.State;
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, SemaphoreSlim sending, SocketModeEnvelope envelope, CancellationToken ct)
    {
        if (envelope.EnvelopeId is not { Length: > 0 } id)
        {
            return;
        }

        if (!seen.TryClaim("envelope:" + id))
        {
            // Acknowledge again: the first acknowledgement may be the one that was lost.
            await AckAsync(socket, sending, new SocketModeAck(id), ct);
            return;
        }

        switch (envelope.Type)
        {
            case "events_api" when envelope.Payload is { } payload:
                await AckAsync(socket, sending, new SocketModeAck(id), ct);
                try
                {
                    if (payload.Deserialize(SlackWebApiJsonContext.Default.SlackEventEnvelope) is { } callback)
                    {
                        await events.AcceptAsync(callback, ct);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Already acknowledged: one bad event must not drop the connection for the others.
                    Log.EnvelopeFailed(log, ex, id);
                }

                break;
            case "slash_commands" when envelope.Payload is { } payload:
                var command = payload.Deserialize(SlackWebApiJsonContext.Default.SlashCommand) ?? new SlashCommand();
                // Answered off the receive loop, so other envelopes are acknowledged meanwhile.
                _ = Task.Run(
                    async () =>
                    {
                        var answer = await commands.AnswerAsync(command, ct);
                        await AckAsync(socket, sending, new SocketModeAck(id, answer), ct);
                    },
                    ct);
                break;
            default:
                await AckAsync(socket, sending, new SocketModeAck(id), ct);
                break;
        }
    }

    private async Task AckAsync(ClientWebSocket socket, SemaphoreSlim sending, SocketModeAck ack, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(ack, SlackWebApiJsonContext.Default.SocketModeAck);
        await sending.WaitAsync(ct);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Slack redelivers an envelope that was not acknowledged, on the next connection.
            Log.AckFailed(log, ex, ack.EnvelopeId);
        }
        finally
        {
            sending.Release();
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket, TimeProvider time)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), time);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }
}
