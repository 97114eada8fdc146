namespace DigestBot.Chat;

/// <summary>
/// What a queue button press gets: the one sentence that says what was done or why nothing was, and the queue as it is
/// now, to show in place of the pressed listing; null when the presser may not see the queue (it stays as it was).
/// </summary>
internal sealed record QueuePressAnswer(string Sentence, ChatReply? Listing);
