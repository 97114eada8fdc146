namespace DigestBot.Tests;

/// <summary>Waits, in real time, for something another thread or process does.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string waitingFor, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {waitingFor}.");
            }

            await Task.Delay(10);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string waitingFor, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), waitingFor, timeout);
}
