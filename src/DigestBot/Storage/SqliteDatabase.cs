using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DigestBot.Storage;

/// <summary>Opens connections to the SQLite file and brings its schema up to date once.</summary>
internal sealed class SqliteDatabase
{
    private const int SqliteNotADatabase = 26;
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private const int SqlitePermission = 3;

    private readonly string connectionString;
    private readonly string existingOnly;
    private readonly string synchronous;
    private readonly SemaphoreSlim migrateLock = new(1, 1);
    private bool migrated;

    private readonly ILogger<SqliteDatabase> logger;

    public SqliteDatabase(IOptions<StorageOptions> options, ILogger<SqliteDatabase> logger)
    {
        this.logger = logger;
        FullPath = System.IO.Path.GetFullPath(options.Value.Path);
        synchronous = SqliteSynchronous.Parse(options.Value.Synchronous) ?? "NORMAL";
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        connectionString = builder.ToString();
        builder.Mode = SqliteOpenMode.ReadWrite;
        existingOnly = builder.ToString();
    }

    public string FullPath { get; }

    /// <summary>The page size of a database file DigestBot creates.</summary>
    internal const int PageSize = 8192;

    /// <summary>How long SQLite itself retries a write that finds the database locked; Microsoft.Data.Sqlite's own retry continues after it up to the command timeout.</summary>
    internal const int BusyTimeoutMs = 5_000;

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await EnsureMigratedAsync(ct);
        return await OpenRawAsync(ct);
    }

    /// <summary>
    /// A connection to the database file as it is, without creating or upgrading it (<c>backup</c> copies a
    /// database made by an older DigestBot as it was). Throws <see cref="StoreUnavailableException"/> when there is none.
    /// </summary>
    public async Task<SqliteConnection> OpenExistingAsync(CancellationToken ct)
    {
        if (!File.Exists(FullPath))
        {
            throw new StoreUnavailableException($"There is no database at '{FullPath}'. Name the bot's database with --db or Storage:Path.");
        }

        return await OpenRawAsync(existingOnly, ct);
    }

    private Task<SqliteConnection> OpenRawAsync(CancellationToken ct) => OpenRawAsync(connectionString, ct);

    private async Task<SqliteConnection> OpenRawAsync(string connectionText, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionText);
        try
        {
            await connection.OpenAsync(ct);
            // With WAL, NORMAL syncs at checkpoints instead of every commit: a killed process loses nothing
            // committed; only a power cut can lose the last commits (SQLite's recommended setting for WAL).
            // FULL (Storage:Synchronous) syncs every commit, for hosts where a power cut must lose nothing.
            // busy_timeout: a write that finds another connection writing waits in SQLite, retrying within a
            // millisecond or so of the lock's release. Without it Microsoft.Data.Sqlite retries on its own after
            // sleeping 150 ms, and a claim's commit meeting the poller's offset write held every answer that long.
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = $"PRAGMA synchronous = {synchronous}; PRAGMA busy_timeout = {BusyTimeoutMs};";
                await pragma.ExecuteNonQueryAsync(ct);
            }

            // The search index's migration and triggers (0006) call them.
            connection.CreateFunction("search_text", (string? text) => text is null ? null : SearchText.ForIndex(text), isDeterministic: true);
            connection.CreateFunction("search_words", (string? text) => NoteRows.Json(Words(text ?? "")), isDeterministic: true);
            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw Explain(ex);
        }
    }

    private static List<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        SearchText.AddWords(text, words);
        return [.. words];
    }

    private async Task EnsureMigratedAsync(CancellationToken ct)
    {
        if (migrated)
        {
            return;
        }

        await migrateLock.WaitAsync(ct);
        try
        {
            if (migrated)
            {
                return;
            }

            CreateFiles();
            await using var connection = await OpenRawAsync(ct);
            try
            {
                // 8 KiB pages for a new file (an existing one keeps its own): a note's row is 2–4 KiB, and 4 KiB pages
                // held one each with the rest wasted. Imported notes took a quarter less space, and the import wrote
                // that much less (bench/README.md, fix 16).
                await ExecuteAsync(connection, $"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;", ct);
                await ApplyMigrationsAsync(connection, ct);
            }
            catch (SqliteException ex)
            {
                throw Explain(ex);
            }

            migrated = true;
        }
        finally
        {
            migrateLock.Release();
        }
    }

    /// <summary>The folder and an empty database file, owner-only, unless they exist.</summary>
    private void CreateFiles()
    {
        var folder = System.IO.Path.GetDirectoryName(FullPath);
        try
        {
            if (!string.IsNullOrEmpty(folder))
            {
                OwnerOnly.CreateFolder(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(
                $"Cannot create the database folder '{folder}': {ex.Message} Choose a writable location with --db or Storage:Path.", ex);
        }

        if (Directory.Exists(FullPath))
        {
            throw new StoreUnavailableException(
                $"'{FullPath}' is a folder. Point --db or Storage:Path at a database file, e.g. {System.IO.Path.Combine(FullPath, "digestbot.db")}.");
        }

        try
        {
            OwnerOnly.CreateEmptyFile(FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException(
                $"Cannot create the database '{FullPath}': {ex.Message} Choose a writable location with --db or Storage:Path.", ex);
        }
    }

    private async Task ApplyMigrationsAsync(SqliteConnection connection, CancellationToken ct)
    {
        var migrations = Migrations().ToList();
        var latest = migrations[^1].Version;
        var current = Convert.ToInt32(await ScalarAsync(connection, null, "PRAGMA user_version;", ct));
        if (current >= latest)
        {
            return;
        }

        // A new file is set up in milliseconds; an upgrade may write the search index again (0008 took 10 s for
        // 100,000 notes), so the operator hears why the bot is not answering yet.
        var isUpgrade = current > 0;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (isUpgrade)
        {
            Log.Upgrading(logger, FullPath, current, latest);
        }

        while (true)
        {
            // BEGIN IMMEDIATE takes the write lock before the version is read again: of a run and an import upgrading
            // one file at once, the second waits for the first's migration and then finds it applied. Read outside
            // the transaction, both saw the old version and both ran the migration.
            await using var tx = connection.BeginTransaction(deferred: false);
            current = Convert.ToInt32(await ScalarAsync(connection, tx, "PRAGMA user_version;", ct));
            if (migrations.FirstOrDefault(m => m.Version > current) is not { Sql: not null } next)
            {
                await tx.CommitAsync(ct);
                break;
            }

            await using (var command = connection.CreateCommand())
            {
                command.Transaction = tx;
                command.CommandText = next.Sql + $"\nPRAGMA user_version = {next.Version};";
                await command.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
        }

        if (isUpgrade)
        {
            Log.Upgraded(logger, latest, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    internal static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        const string prefix = "DigestBot.Storage.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..];
                var version = int.Parse(name[..name.IndexOf('_')].TrimStart('_'), System.Globalization.CultureInfo.InvariantCulture);
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (version, reader.ReadToEnd());
            })
            .OrderBy(m => m.version);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    private StoreUnavailableException Explain(SqliteException ex) => ex.SqliteErrorCode switch
    {
        SqliteNotADatabase => new StoreUnavailableException(
            $"'{FullPath}' is not a DigestBot database (it is not an SQLite file). Point --db or Storage:Path at a new or existing DigestBot database.", ex),
        SqliteCantOpen or SqliteReadOnly or SqlitePermission => new StoreUnavailableException(
            $"Cannot open the database '{FullPath}' for writing ({ex.Message.TrimEnd('.')}). Choose a writable location with --db or Storage:Path.", ex),
        _ => new StoreUnavailableException($"The database '{FullPath}' failed: {ex.Message}", ex),
    };
}
