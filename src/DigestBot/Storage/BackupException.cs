namespace DigestBot.Storage;

/// <summary>A backup was refused or failed; the message says why and what to do.</summary>
internal sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
