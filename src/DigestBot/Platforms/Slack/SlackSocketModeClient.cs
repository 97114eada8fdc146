using DigestBot.Background;
using System.Net.WebSockets;
using System.Text.Json;
using DigestBot.Platforms.Slack.WebApi;
using DigestBot.Platforms.Slack.Wire;
using Microsoft.Extensions.Options;

namespace DigestBot.Platforms.Slack;

/// <summary>
/// Receives events, slash commands and button presses (<c>interactive</c>) over Socket Mode: opens a URL with <c>apps.connections.open</c>,
/// acknowledges every envelope by its id, and opens a new connection whenever Slack asks (<c>disconnect</c>)
/// or the socket drops. Redelivered envelopes and events are handled once.
/// </summary>
/// <remarks>
/// A network can hang instead of failing, so nothing waits for ever: opening the socket has a time limit, and a ping
/// Slack does not answer in time counts the connection dead (<see cref="SlackSocketModeOptions"/>). A message past
/// the size limit is skipped unread, and an envelope that cannot be read or handled is logged: neither costs the
/// connection the envelopes after it.
/// </remarks>
internal sealed class SlackSocketModeClient(
    AppsApi apps,
    SlackEvents events,
    SlackCommands commands,
    SlackInteractions interactions,
    SlackEventDeduplicator seen,
    IOptions<SlackOptions> options,
    IOptions<SlackSocketModeOptions> socketOptions,
    TimeProvider time,
    ILogger<SlackSocketModeClient> log) : BackgroundService
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    /// <summary>Slash commands answered at once; each takes at most the answer budget, so a full house waits seconds.</summary>
    private const int ConcurrentCommands = 16;

    private readonly SemaphoreSlim commandSlots = new(ConcurrentCommands, ConcurrentCommands);
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
                await ConnectAsync(socket, new Uri(url), stoppingToken);
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

    private async Task ConnectAsync(ClientWebSocket socket, Uri url, CancellationToken stoppingToken)
    {
        var o = socketOptions.Value;
        // A ping that Slack does not answer within the timeout aborts the socket, and the receive loop fails with it.
        socket.Options.KeepAliveInterval = o.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = o.KeepAliveTimeout;
        using var timeout = new CancellationTokenSource(o.ConnectTimeout, time);
        using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await socket.ConnectAsync(url, connecting.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The Socket Mode connection did not open within {o.ConnectTimeout}.");
        }
    }

    /// <summary>Reads frames until Slack asks for a new connection or the socket closes; returns why.</summary>
    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        // Not disposed here: a slow slash command may still be acknowledging on it after the loop ends.
        var sending = new SemaphoreSlim(1, 1);
        var buffer = new byte[16 * 1024];
        var limit = socketOptions.Value.MaxMessageBytes;
        var skipping = false;
        using var frame = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return "closed by Slack: " + (result.CloseStatusDescription ?? result.CloseStatus?.ToString() ?? "no reason");
            }

            if (!skipping && frame.Length + result.Count > limit)
            {
                // Read on to the message's end without keeping it: memory stays bounded and the stream in step.
                skipping = true;
                frame.SetLength(0);
                Log.MessageTooLarge(log, limit);
            }

            if (!skipping)
            {
                frame.Write(buffer, 0, result.Count);
            }

            if (!result.EndOfMessage)
            {
                continue;
            }

            if (skipping)
            {
                skipping = false;
                continue;
            }

            SocketModeEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize(frame.GetBuffer().AsSpan(0, (int)frame.Length), SlackWebApiJsonContext.Default.SocketModeEnvelope);
            }
            catch (JsonException ex)
            {
                Log.MessageUnreadable(log, ex, (int)frame.Length);
                continue;
            }
            finally
            {
                frame.SetLength(0);
            }

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

        try
        {
            switch (envelope.Type)
            {
                case "events_api" when envelope.Payload is { } payload:
                    await AckThenAcceptAsync(socket, sending, id, async () =>
                    {
                        if (payload.Deserialize(SlackWebApiJsonContext.Default.SlackEventEnvelope) is { } callback)
                        {
                            await events.AcceptAsync(callback, ct);
                        }
                    }, ct);
                    break;
                case "interactive" when envelope.Payload is { } payload:
                    await AckThenAcceptAsync(socket, sending, id, async () =>
                    {
                        if (payload.Deserialize(SlackWebApiJsonContext.Default.SlackInteraction) is { } interaction)
                        {
                            await interactions.AcceptAsync(interaction, ct);
                        }
                    }, ct);
                    break;
                case "slash_commands" when envelope.Payload is { } payload:
                    var command = payload.Deserialize(SlackWebApiJsonContext.Default.SlashCommand) ?? new SlashCommand();
                    // Answered off the receive loop, so other envelopes are acknowledged meanwhile; a bounded number at once.
                    await commandSlots.WaitAsync(ct);
                    _ = Task.Run(() => AnswerCommandAsync(socket, sending, id, command, ct), CancellationToken.None);
                    break;
                default:
                    await AckAsync(socket, sending, new SocketModeAck(id), ct);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An envelope that cannot be read is acknowledged all the same: delivered again, it would fail again.
            Log.EnvelopeFailed(log, ex, id);
            await AckAsync(socket, sending, new SocketModeAck(id), ct);
        }
    }

    /// <summary>Acknowledges first, so Slack does not redeliver, then hands the payload on; the handlers queue the slow work.</summary>
    private async Task AckThenAcceptAsync(ClientWebSocket socket, SemaphoreSlim sending, string id, Func<Task> accept, CancellationToken ct)
    {
        await AckAsync(socket, sending, new SocketModeAck(id), ct);
        try
        {
            await accept();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already acknowledged: one bad envelope must not drop the connection for the others.
            Log.EnvelopeFailed(log, ex, id);
        }
    }

    private async Task AnswerCommandAsync(ClientWebSocket socket, SemaphoreSlim sending, string id, SlashCommand command, CancellationToken ct)
    {
        try
        {
            var answer = await commands.AnswerAsync(command, ct);
            await AckAsync(socket, sending, new SocketModeAck(id, answer), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Log.EnvelopeFailed(log, ex, id);
        }
        finally
        {
            commandSlots.Release();
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
