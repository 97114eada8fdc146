namespace DigestBot.Chat;

/// <summary>The answer to a message with a paper link; <see cref="NoteId"/> is set when the answer confirms a queued note.</summary>
internal sealed record PaperLinkReply(ChatReply Reply, long? NoteId);
