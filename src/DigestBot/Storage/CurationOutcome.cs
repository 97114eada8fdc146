namespace DigestBot.Storage;

/// <summary>What a curator's change to a note or the queue came to; anything but <see cref="Done"/> changed nothing.</summary>
internal enum CurationOutcome
{
    Done,
    NoSuchNote,
    AlreadyWithdrawn,
    NotWithdrawn,

    /// <summary>A requeue while the posted copies of the withdrawal are still being deleted: the old and new posts would both stay.</summary>
    StillTakingBack,

    /// <summary>A move of a note that is not waiting in the queue (posted, being posted, or withdrawn).</summary>
    NotQueued,

    /// <summary>A move to a place the queue does not have; <see cref="CurationResult.Position"/> is the queue's length.</summary>
    OutOfRange,

    /// <summary>The queue's order is no longer the one the curator was shown (<see cref="QueueListingVersion"/>).</summary>
    QueueChanged,
}
