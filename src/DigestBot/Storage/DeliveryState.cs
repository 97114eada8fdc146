namespace DigestBot.Storage;

internal enum DeliveryState
{
    Pending,
    Sending,
    Sent,
    Failed,
}
