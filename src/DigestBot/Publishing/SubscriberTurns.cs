namespace DigestBot.Publishing;

/// <summary>
/// How many subscribed chats' lanes work at once (<see cref="PublishingOptions.SubscriberLanes"/>). A post to 10,000
/// chats wakes 10,000 lanes; unbounded, they would fill the thread pool's queue with store reads and sends, and a
/// reader's answer queued behind them would wait for the whole fan-out. A lane gives its turn back while it only waits
/// (a retry's back-off, a backlog's catch-up interval), so a slow chat never holds a turn the others could use.
/// Channels' lanes take no turn.
/// </summary>
internal sealed class SubscriberTurns(int count)
{
    private readonly SemaphoreSlim turns = new(Math.Max(1, count), Math.Max(1, count));

    public async Task<SubscriberTurn> TakeAsync(IDestination destination, CancellationToken ct)
    {
        if (!destination.IsSubscriber)
        {
            return new SubscriberTurn(null);
        }

        await turns.WaitAsync(ct);
        return new SubscriberTurn(turns);
    }
}

/// <summary>A lane's turn; disposing it gives the turn back.</summary>
internal sealed class SubscriberTurn(SemaphoreSlim? turns) : IDisposable
{
    private bool held = turns is not null;

    /// <summary>Waits with the turn given back, and takes one again before returning.</summary>
    public async Task AwayAsync(Func<Task> wait, CancellationToken ct)
    {
        if (turns is null)
        {
            await wait();
            return;
        }

        Give();
        try
        {
            await wait();
        }
        finally
        {
            await turns.WaitAsync(ct);
            held = true;
        }
    }

    public void Dispose() => Give();

    private void Give()
    {
        if (held)
        {
            held = false;
            turns!.Release();
        }
    }
}
