namespace DigestBot.Storage;

/// <summary>The database file cannot be used; the message says why and what to do.</summary>
internal sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
