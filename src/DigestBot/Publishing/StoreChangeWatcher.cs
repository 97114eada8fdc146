using DigestBot.Background;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;

namespace DigestBot.Publishing;

/// <summary>
/// Notices that another connection — a command-line verb such as <c>edit</c>, <c>withdraw</c> or <c>retry</c> run beside
/// the bot — committed to the store, and wakes the delivery lanes, so that what it recorded is carried out within
/// seconds. SQLite's <c>PRAGMA data_version</c> changes on one open connection whenever any other connection commits;
/// reading it costs no disk access. The bot's own writes wake the lanes too, which only makes them look once more.
/// </summary>
internal sealed class StoreChangeWatcher(SqliteDatabase database, DeliveryWorker worker, TimeProvider time, ILogger<StoreChangeWatcher> log)
    : PeriodicWork(time), IAsyncDisposable
{
    private SqliteConnection? connection;
    private long? seen;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        connection ??= await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version";
        var version = (long)(await command.ExecuteScalarAsync(ct))!;
        // The first reading cannot tell what was committed before it (a verb run while the bot started, or while this
        // pass waited for a busy thread pool): look once then, as after any change.
        if (seen != version)
        {
            Log.StoreChanged(log);
            worker.Wake();
        }

        seen = version;
    }

    protected override void PassFailed(Exception exception)
    {
        // A store that failed once is opened again at the next pass.
        connection?.Dispose();
        connection = null;
        // Versions are per connection: the next one's first reading is a first reading again.
        seen = null;
        Log.WakeFailed(log, exception);
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
    }
}
