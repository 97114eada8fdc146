namespace DigestBot.Alerts;

/// <summary>How one platform reaches its curators: an alert chat or channel, or each curator's private chat.</summary>
internal interface IAlertChannel
{
    /// <summary>Sends the alert; a curator it cannot reach is skipped (and logged), never an exception for the others.</summary>
    Task SendAsync(CuratorAlert alert, CancellationToken ct);
}
