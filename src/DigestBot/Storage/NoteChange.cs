namespace DigestBot.Storage;

/// <summary>A curator's change to a note, as <c>history</c> lists it: who, when, what, and from where.</summary>
internal sealed record NoteChange(long NoteId, DateTimeOffset At, string Who, string What, string? Origin);
