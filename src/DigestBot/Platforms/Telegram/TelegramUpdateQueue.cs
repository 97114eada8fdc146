using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using DigestBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// The one queue between receiving updates and answering them, in both modes. The webhook endpoint and the long
/// poller claim and store each update with its body (one transaction) before they say it was received — the endpoint
/// answers 200, the poller stores its offset and polls again at once — and hand it here; it is answered in its chat's
/// lane (<see cref="TelegramUpdateLanes"/>) and deleted once answered. Receiving never waits for answering. A stop or a
/// crash leaves the unfinished updates stored, and the next start answers them, in update order: at least once, and
/// a repeat from Telegram is dropped at the door by its claim.
/// </summary>
/// <remarks>
/// The queue is bounded by <see cref="TelegramOptions.WebhookQueueLimit"/> updates stored and not finished. At the
/// limit, taking a new update first drops the oldest one not started yet that no curator sent (deleted from the
/// store: its sender asked during an overload and gets no answer). Only when every update waiting is a curator's or
/// in hand is the new one refused: the endpoint answers 503, and Telegram keeps the update and delivers it again
/// later; the poller waits for room before it stores its batch, leaving the rest with Telegram.
/// </remarks>
internal sealed class TelegramUpdateQueue : BackgroundService
{
    private static readonly string Platform = TelegramUpdateHandler.Platform;

    /// <summary>Times handling an update may begin: one that stopped the process this often would stop it at every start.</summary>
    internal const int MaxAttempts = 3;

    private readonly PendingUpdateStore pending;
    private readonly HandledUpdateStore handled;
    private readonly IOptions<TelegramOptions> options;
    private readonly ILogger<TelegramUpdateQueue> log;
    private readonly TelegramUpdateLanes lanes;
    private readonly Lock gate = new();

    // Rung when an update is finished; the poller waiting for room reads it.
    private readonly Channel<bool> room = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // Cancelled once the host stops this service, after which no update is started.
    private readonly CancellationTokenSource stopping = new();
    private int unfinished;
    private int dropped;

    public TelegramUpdateQueue(
        PendingUpdateStore pending,
        HandledUpdateStore handled,
        TelegramUpdateHandler handler,
        IOptions<TelegramOptions> options,
        ILogger<TelegramUpdateQueue> log)
    {
        this.pending = pending;
        this.handled = handled;
        this.options = options;
        this.log = log;
        lanes = new TelegramUpdateLanes(handler, pending, options.Value.ConcurrentChats, Finished, log);
    }

    /// <summary>Takes a place for one update, dropping the oldest droppable one at the limit; false when the queue is full.</summary>
    public bool TryAdmit()
    {
        QueuedUpdate? victim;
        lock (gate)
        {
            if (unfinished < options.Value.WebhookQueueLimit)
            {
                unfinished++;
                return true;
            }

            victim = lanes.TryDropOldest();
            if (victim is null)
            {
                return false;
            }

            if (dropped++ == 0)
            {
                Log.DroppingStarted(log, options.Value.WebhookQueueLimit);
            }
        }

        // Its place is the new update's: the count stays.
        pending.Remove(Platform, victim.StoredId);
        return true;
    }

    /// <summary>Waits until <see cref="TryAdmit"/> succeeds (the poller: Telegram keeps what it has not been asked for).</summary>
    public async Task AdmitAsync(CancellationToken ct)
    {
        while (!TryAdmit())
        {
            await room.Reader.ReadAsync(ct);
        }
    }

    /// <summary>Gives the place back: the update was a repeat, or could not be stored.</summary>
    public void Withdraw()
    {
        lock (gate)
        {
            unfinished--;
        }

        room.Writer.TryWrite(true);
    }

    /// <summary>An update was admitted and stored: answer it in its chat's lane.</summary>
    public void Accept(Update update) => lanes.Add(Queued(update));

    /// <summary>Stores one update (claim and body together) in a place taken already; false for a repeat, whose place is given back.</summary>
    public async Task<bool> StoreAsync(Update update, string body, CancellationToken ct)
    {
        bool isNew;
        try
        {
            isNew = await handled.TryClaimAsync(Platform, update.Id.ToString(CultureInfo.InvariantCulture), body, ct);
        }
        catch
        {
            Withdraw();
            throw;
        }

        if (!isNew)
        {
            Withdraw();
            Log.UpdateRepeated(log, update.Id);
        }

        return isNew;
    }

    /// <summary>
    /// Reads what a previous run left stored and starts the lanes before anything can be added (the web server starts
    /// after the hosted services, the poller after this), so from here on the count moves only by admissions and
    /// finishes and never overwrites either.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = new List<QueuedUpdate>();
        foreach (var stored in await pending.AllAsync(Platform, cancellationToken))
        {
            if (stored.Attempts >= MaxAttempts)
            {
                Log.UpdateGivenUp(log, stored.UpdateId, MaxAttempts);
                pending.Remove(Platform, stored.UpdateId);
            }
            else if (Read(stored) is { } update)
            {
                recovered.Add(Queued(update));
            }
            else
            {
                pending.Remove(Platform, stored.UpdateId);
            }
        }

        lock (gate)
        {
            unfinished += recovered.Count;
        }

        // Here rather than in ExecuteAsync, which the host may run a moment after the poller and the web server started.
        lanes.Start(stopping.Token);
        recovered.ForEach(lanes.Add);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Runs until the host stops; then lets the updates in hand finish or be interrupted, and writes what finished.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }

        await stopping.CancelAsync();
        await lanes.StoppedAsync();
        await pending.FlushAsync();
    }

    public override void Dispose()
    {
        stopping.Dispose();
        base.Dispose();
    }

    private void Finished()
    {
        lock (gate)
        {
            unfinished--;
            // Dropping has ended once the backlog is down to half the limit, so that a flood logs one start and one end.
            if (dropped > 0 && unfinished <= options.Value.WebhookQueueLimit / 2)
            {
                Log.DroppingEnded(log, dropped);
                dropped = 0;
            }
        }

        room.Writer.TryWrite(true);
    }

    private QueuedUpdate Queued(Update update)
    {
        var from = update.Message?.From ?? update.CallbackQuery?.From ?? update.InlineQuery?.From;
        var fromCurator = update.ChannelPost is null && update.Message?.SenderChat is null && from is not null && options.Value.Admins.Contains(from.Id);
        return new QueuedUpdate(update, ChatOf(update), fromCurator);
    }

    /// <summary>The chat an update belongs to; answers within one chat keep their order. An inline query is its sender's.</summary>
    internal static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.ChannelPost?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.InlineQuery?.From.Id
        ?? 0;

    private Update? Read(PendingUpdate stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored.Body, TelegramWebhookEndpoint.UpdateJson);
        }
        catch (JsonException ex)
        {
            // It was read before it was stored, so only a change of Telegram.Bot could bring this; never retried.
            Log.UpdateFailed(log, ex, int.Parse(stored.UpdateId, CultureInfo.InvariantCulture));
            return null;
        }
    }
}
