namespace DigestBot.Storage;

/// <summary>An update accepted and stored, not handled yet: its id and the body the platform sent.</summary>
internal sealed record PendingUpdate(string UpdateId, string Body);
