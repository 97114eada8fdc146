namespace DigestBot.Storage;

/// <summary>
/// Only one process posts from a database at a time: a running bot and a <c>publish</c> run side by side
/// could otherwise both take the same delivery and post it twice. The lock is a file beside the database,
/// held exclusively for as long as the process posts, and released by the system when the process dies.
/// </summary>
internal sealed class PostingLock : IDisposable
{
    private readonly FileStream stream;

    private PostingLock(FileStream stream)
    {
        this.stream = stream;
    }

    public static PostingLock Acquire(string databasePath)
    {
        var path = databasePath + ".posting-lock";
        try
        {
            return new PostingLock(new FileStream(path, OwnerOnly.Open(FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)));
        }
        catch (IOException ex)
        {
            throw new StoreUnavailableException(
                $"Another DigestBot process is posting from '{databasePath}' (it holds '{path}'). Stop it first, or let it post: a running bot posts the queue itself.", ex);
        }
    }

    public void Dispose() => stream.Dispose();
}
