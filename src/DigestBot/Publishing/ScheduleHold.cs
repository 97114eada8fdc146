namespace DigestBot.Publishing;

/// <summary>The schedule is paused by a curator: no slot takes a note before <see cref="Until"/>, or until resumed when null.</summary>
internal sealed record ScheduleHold(DateTimeOffset? Until)
{
    /// <summary>Whether the slot at <paramref name="slot"/> takes no note.</summary>
    public bool Holds(DateTimeOffset slot) => Until is not { } until || slot < until;
}
