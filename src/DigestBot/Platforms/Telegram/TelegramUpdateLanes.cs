using DigestBot.Storage;

namespace DigestBot.Platforms.Telegram;

/// <summary>
/// One lane per chat: a chat's updates are answered one after another in update order, so it gets its answers in the
/// order it asked, while different chats are answered at once, up to <see cref="TelegramOptions.ConcurrentChats"/>.
/// There is no batch to wait for: a group's flood holds only its own lane.
/// </summary>
/// <remarks>
/// An update counts as started once its lane has a free place for it and its attempt is written; until then it may be
/// dropped (<see cref="TryDropOldest"/>). A stop leaves the started ones stored, to be answered after the restart.
/// </remarks>
internal sealed class TelegramUpdateLanes(
    TelegramUpdateHandler handler,
    PendingUpdateStore pending,
    int concurrentChats,
    Action finished,
    ILogger log)
{
    private static readonly string Platform = TelegramUpdateHandler.Platform;

    private readonly Lock gate = new();
    private readonly Dictionary<long, Lane> lanes = [];

    // Not started yet, oldest first: what overload may drop.
    private readonly SortedDictionary<int, QueuedUpdate> notStarted = [];
    private readonly SemaphoreSlim places = new(concurrentChats, concurrentChats);
    private CancellationToken stopping = new(canceled: true);

    /// <summary>Lanes run until <paramref name="stoppingToken"/> is cancelled.</summary>
    public void Start(CancellationToken stoppingToken) => stopping = stoppingToken;

    /// <summary>Puts a stored update at its place in its chat's lane.</summary>
    public void Add(QueuedUpdate update)
    {
        lock (gate)
        {
            if (!lanes.TryGetValue(update.Chat, out var lane))
            {
                lanes[update.Chat] = lane = new Lane(update.Chat);
            }

            lane.Waiting[update.Id] = update;
            notStarted[update.Id] = update;
            if (!lane.Running)
            {
                lane.Running = true;
                lane.Task = Task.Run(() => RunAsync(lane), CancellationToken.None);
            }
        }
    }

    /// <summary>Takes the oldest update not started yet that no curator sent out of its lane; null when there is none.</summary>
    public QueuedUpdate? TryDropOldest()
    {
        lock (gate)
        {
            foreach (var (id, update) in notStarted)
            {
                if (!update.FromCurator)
                {
                    notStarted.Remove(id);
                    lanes[update.Chat].Waiting.Remove(id);
                    return update;
                }
            }

            return null;
        }
    }

    /// <summary>Returns once every lane has stopped: after the updates in hand were finished or interrupted by the stop.</summary>
    public Task StoppedAsync()
    {
        lock (gate)
        {
            return Task.WhenAll(lanes.Values.Select(l => l.Task));
        }
    }

    private async Task RunAsync(Lane lane)
    {
        while (true)
        {
            try
            {
                await places.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                Leave(lane);
                return;
            }

            try
            {
                QueuedUpdate next;
                lock (gate)
                {
                    if (lane.Waiting.Count == 0 || stopping.IsCancellationRequested)
                    {
                        LeaveLocked(lane);
                        return;
                    }

                    (_, next) = lane.Waiting.First();
                    lane.Waiting.Remove(next.Id);
                    notStarted.Remove(next.Id);
                }

                if (await HandleAsync(next))
                {
                    finished();
                }
            }
            finally
            {
                places.Release();
            }
        }
    }

    /// <summary>True when the update is done with (answered, or failed for good); false when the stop interrupted it.</summary>
    private async Task<bool> HandleAsync(QueuedUpdate update)
    {
        try
        {
            await pending.BeginAsync(Platform, update.StoredId, stopping);
            await handler.HandleAsync(update.Update, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception ex)
        {
            // Its attempt could not be written: the store is failing. It stays stored and is tried again at the next start.
            Log.UpdateFailed(log, ex, update.Id);
            return true;
        }

        pending.Remove(Platform, update.StoredId);
        return true;
    }

    private void Leave(Lane lane)
    {
        lock (gate)
        {
            LeaveLocked(lane);
        }
    }

    private void LeaveLocked(Lane lane)
    {
        lane.Running = false;
        if (lane.Waiting.Count == 0)
        {
            lanes.Remove(lane.Chat);
        }
    }

    private sealed class Lane(long chat)
    {
        public long Chat => chat;

        public SortedDictionary<int, QueuedUpdate> Waiting { get; } = [];

        public bool Running { get; set; }

        public Task Task { get; set; } = Task.CompletedTask;
    }
}
