namespace DigestBot.Storage;

/// <summary>
/// A destination's state: ok, or paused since <see cref="Since"/> for <see cref="Reason"/> (the platform's words), to be
/// tried again at <see cref="ProbeAt"/> after <see cref="Probes"/> tries that found it still refusing.
/// </summary>
internal sealed record DestinationStatus(string Destination, bool Paused, string? Reason, DateTimeOffset? Since, int Probes, DateTimeOffset? ProbeAt)
{
    public static DestinationStatus Ok(string destination) => new(destination, false, null, null, 0, null);
}
