using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using DigestBot.Background;
using DigestBot.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// Webhook mode's queue between the endpoint and the handler. The endpoint claims and stores each update (one
/// transaction) before it answers 200; this service handles what is stored in arrival order, a batch at a time as
/// long polling does, and deletes each batch once handled. A stop or a crash leaves the interrupted updates stored,
/// and they are handled at the next start: at least once, and a repeat delivery from Telegram is dropped at the door.
/// </summary>
/// <remarks>
/// The queue is bounded by <see cref="TelegramOptions.WebhookQueueLimit"/> updates stored and not handled; past it
/// the endpoint answers 503 without storing. Telegram keeps an update it could not deliver and tries again later,
/// so refusing only delays it, whereas holding the request open would tie up Telegram's few connections and
/// time out anyway, and accepting would let a flood grow the backlog without end.
/// </remarks>
internal sealed class TelegramWebhookUpdates(
    PendingUpdateStore pending,
    TelegramBatchHandler batches,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramWebhookUpdates> log) : BackgroundService
{
    private static readonly string Platform = TelegramUpdateHandler.Platform;
    private const int BatchSize = 100;

    /// <summary>Times handling an update may begin: one that stopped the process this often would stop it at every start.</summary>
    internal const int MaxAttempts = 3;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    // Rung by the endpoint after it stores an update; one ring is enough to read everything stored since.
    private readonly Channel<bool> doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private int waiting;

    /// <summary>Takes a place in the queue for one update; false when the queue is full.</summary>
    public bool TryAdmit()
    {
        var limit = options.Value.WebhookQueueLimit;
        var now = Volatile.Read(ref waiting);
        while (now < limit)
        {
            var seen = Interlocked.CompareExchange(ref waiting, now + 1, now);
            if (seen == now)
            {
                return true;
            }

            now = seen;
        }

        return false;
    }

    /// <summary>Gives the place back: the update was a repeat, or could not be stored.</summary>
    public void Withdraw() => Interlocked.Decrement(ref waiting);

    /// <summary>An update was stored: handle it.</summary>
    public void Wake() => doorbell.Writer.TryWrite(true);

    /// <summary>
    /// Counts what a previous run left stored before the loop starts (the web server starts after the hosted services),
    /// so from here on the count moves only by the endpoint's admissions and this loop's removals and never overwrites either.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Interlocked.Add(ref waiting, await pending.CountAsync(Platform, cancellationToken));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var stored = await pending.BeginNextAsync(Platform, BatchSize, stoppingToken);
                if (stored.Count == 0)
                {
                    await doorbell.Reader.ReadAsync(stoppingToken);
                    continue;
                }

                foreach (var given in stored.Where(s => s.Attempts > MaxAttempts))
                {
                    Log.UpdateGivenUp(log, given.UpdateId, MaxAttempts);
                }

                await batches.HandleClaimedAsync([.. stored.Where(s => s.Attempts <= MaxAttempts).Select(Read).OfType<Update>()], stoppingToken);
                await pending.RemoveAsync(Platform, stored, stoppingToken);
                Interlocked.Add(ref waiting, -stored.Count);
                failures = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                var wait = Backoff.After(failures, TimeSpan.FromSeconds(1), MaxBackoff);
                Log.WebhookQueueFailed(log, ex, failures, wait);
                await Task.Delay(wait, time, stoppingToken);
            }
        }
    }

    private Update? Read(PendingUpdate stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored.Body, TelegramWebhookEndpoint.UpdateJson);
        }
        catch (JsonException ex)
        {
            // The endpoint read it before storing it, so only a change of Telegram.Bot could bring this; never retried.
            Log.UpdateFailed(log, ex, int.Parse(stored.UpdateId, CultureInfo.InvariantCulture));
            return null;
        }
    }
}
