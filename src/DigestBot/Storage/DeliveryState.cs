namespace DigestBot.Storage;

internal enum DeliveryState
{
    Pending,
    Sending,
    Sent,
    Failed,

    /// <summary>Given up without a failure: a dropped backlog, or a subscription that ended.</summary>
    Dropped,
}
