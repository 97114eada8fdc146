using Microsoft.Data.Sqlite;

namespace DigestBot.Storage;

/// <summary>
/// Writes a consistent copy of the database while the bot runs, with <c>VACUUM INTO</c>: one read transaction, so
/// the copy is the database as of one moment, and in WAL mode the bot's writers go on meanwhile. It takes no posting
/// lock. The copy is written to a hidden file beside the target, created owner-only, synced, then renamed, so a
/// crash or a full disk never leaves something that looks like a backup and is not.
/// </summary>
internal sealed class DatabaseBackup(SqliteDatabase database)
{
    /// <param name="replace">Whether an existing file at <paramref name="target"/> may be replaced.</param>
    public async Task<BackupCopy> WriteAsync(string target, bool replace, CancellationToken ct)
    {
        var path = Path.GetFullPath(target);
        if (path == database.FullPath || path == database.FullPath + "-wal" || path == database.FullPath + "-shm")
        {
            throw new BackupException($"'{target}' is the database itself. Give the copy another file name.");
        }

        if (Directory.Exists(path))
        {
            throw new BackupException($"'{target}' is a folder. Give the copy a file name, e.g. {Path.Combine(target, "digestbot-backup.db")}.");
        }

        if (!replace && File.Exists(path))
        {
            throw new BackupException($"'{target}' exists already, and backup does not replace a file unless --force is given. Choose another name, or add --force.");
        }

        await using var connection = await database.OpenExistingAsync(ct);
        var folder = Path.GetDirectoryName(path)!;
        var partial = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            OwnerOnly.CreateFolder(folder);
            // VACUUM INTO writes into an empty file that exists, keeping its owner-only mode.
            OwnerOnly.CreateEmptyFile(partial);
            await using (var vacuum = connection.CreateCommand())
            {
                vacuum.CommandText = "VACUUM INTO $path";
                vacuum.Parameters.AddWithValue("$path", partial);
                await vacuum.ExecuteNonQueryAsync(ct);
            }

            await using (var written = new FileStream(partial, FileMode.Open, FileAccess.ReadWrite))
            {
                written.Flush(flushToDisk: true);
            }

            var notes = await CountNotesAsync(partial, ct);
            File.Move(partial, path, overwrite: replace);
            return new BackupCopy(path, new FileInfo(path).Length, notes);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            var reason = ex is IOException && !replace && File.Exists(path)
                ? "another program created the file meanwhile"
                : ex.Message.TrimEnd('.');
            throw new BackupException($"The backup of '{database.FullPath}' to '{target}' failed ({reason}). Check the folder is writable and has room.", ex);
        }
        finally
        {
            // File.Delete throws when the folder is missing, which would hide why the backup failed.
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    private static async Task<long> CountNotesAsync(string copy, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM notes";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
