namespace DigestBot.Chat;

/// <summary>
/// What a queue button press gets: the one sentence that says what was done or why nothing was, and the queue as it is
/// now, to show with it; <see cref="Listing"/> is null when the presser may not see the queue (what they pressed stays as
/// it was).
/// </summary>
/// <param name="Outdated">
/// The listing pressed no longer shows the queue (the press changed it, or it was out of date already), so it must give
/// way to <see cref="Listing"/>; false when nothing changed and the listing pressed is still right.
/// </param>
internal sealed record QueuePressAnswer(string Sentence, ChatReply? Listing, bool Outdated = false);
