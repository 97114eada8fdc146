namespace DigestBot.Storage;

/// <summary>
/// Folders and files DigestBot creates for its data, readable by its own user only: the database holds curators'
/// ids, chats and everything queued. On Windows the folder's inherited access rules apply instead.
/// </summary>
internal static class OwnerOnly
{
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder, and any missing folder above it, as 0700; an existing folder keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // Directory.CreateDirectory gives the mode to the last folder only; the ones above it are made one by one.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, OwnerFolder);
        }
    }

    /// <summary>
    /// Creates an empty file as 0600 unless one exists already; returns whether it did. SQLite takes an empty file for
    /// a new database and gives its <c>-wal</c> and <c>-shm</c> files the database file's mode.
    /// </summary>
    public static bool CreateEmptyFile(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        try
        {
            using var created = new FileStream(path, options);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first; the first one's mode stands.
            return false;
        }
    }

    /// <summary>Options to open a file that is created, when it is, readable by its owner only.</summary>
    public static FileStreamOptions Open(FileMode mode, FileAccess access, FileShare share)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        return options;
    }
}
