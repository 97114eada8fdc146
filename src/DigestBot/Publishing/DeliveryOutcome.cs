namespace DigestBot.Publishing;

/// <summary>How one delivery attempt ended, as the lane needs to know it.</summary>
internal enum DeliveryOutcome
{
    Sent,

    /// <summary>Marked failed (this message refused, or too many unexplained errors); the lane goes on.</summary>
    Failed,

    /// <summary>The destination refused everything: paused (or, for a subscriber, ended); the lane stops.</summary>
    DestinationRefused,
}
