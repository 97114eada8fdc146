namespace DigestBot.Storage;

/// <summary>A stored note an import changed: its id, the fields that changed, and how many posted messages follow.</summary>
internal sealed record NoteUpdate(long Id, string Title, IReadOnlyList<string> Changed, int MessagesToEdit)
{
    public override string ToString() => $"updated note {Id}: {string.Join(", ", Changed)}";
}
