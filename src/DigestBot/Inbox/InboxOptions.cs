namespace DigestBot.Inbox;

internal sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Folder watched for note files; imported files move to <c>imported/</c>, rejected ones to <c>failed/</c>.</summary>
    public string Path { get; set; } = "notes/inbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Files or folders imported at start and left in place (the demo digest in development).</summary>
    public IReadOnlyList<string> Seed { get; set; } = [];

    /// <summary>A larger file goes to <c>failed/</c> unread.</summary>
    public long MaxFileBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Imports of one file that may fail (throw) before it goes to <c>failed/</c>.</summary>
    public int MaxAttempts { get; set; } = 3;
}
