namespace DigestBot.Storage;

/// <summary>A backup written: where, how large, and how many notes it holds (read back from the copy).</summary>
internal sealed record BackupCopy(string Path, long Bytes, long Notes);
