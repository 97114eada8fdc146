namespace DigestBot.Storage;

/// <summary>A queued note's id, and whether a slot may take it (false while it waits for its paper's metadata).</summary>
internal sealed record QueuedId(long Id, bool Ready);
