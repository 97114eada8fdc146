namespace DigestBot.Chat;

/// <summary>
/// A press of one of a <c>/queue</c> listing's buttons, as the platform read it from the button: the move, the note, and
/// the <see cref="Storage.QueueListingVersion"/> of the listing the button was on. It comes from the user's client: untrusted.
/// </summary>
internal sealed record QueuePress(QueueMove Move, long NoteId, string Version);
