namespace DigestBot.Storage;

/// <summary>An update accepted and stored, not handled yet: its id, the body the platform sent, and how many times handling it began.</summary>
internal sealed record PendingUpdate(string UpdateId, string Body, int Attempts);
