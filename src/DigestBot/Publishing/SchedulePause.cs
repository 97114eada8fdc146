using System.Globalization;
using DigestBot.Storage;

namespace DigestBot.Publishing;

/// <summary>
/// A curator's pause of the schedule, kept in the store so that it survives a restart and a pause given by another
/// process (the command line) holds the running bot's next slot. The scheduler reads it at every slot.
/// </summary>
internal sealed class SchedulePause(DeliveryStore deliveries, TimeProvider time)
{
    public const string StateKey = "schedule.paused_until";

    private const string UntilResumed = "resume";

    /// <summary>The pause in force now, or null; a pause whose end has passed is over.</summary>
    public async Task<ScheduleHold?> CurrentAsync(CancellationToken ct)
    {
        var hold = await deliveries.GetStateAsync(StateKey, ct) switch
        {
            null => null,
            UntilResumed => new ScheduleHold(null),
            var text => new ScheduleHold(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)),
        };
        return hold is { Until: { } until } && until <= time.GetUtcNow() ? null : hold;
    }

    public Task PauseAsync(DateTimeOffset? until, CancellationToken ct) =>
        deliveries.SetStateAsync(StateKey, until is { } u ? NoteRows.Time(u) : UntilResumed, ct);

    /// <summary>Ends the pause; false when none was in force.</summary>
    public async Task<bool> ResumeAsync(CancellationToken ct)
    {
        var paused = await CurrentAsync(ct) is not null;
        await deliveries.RemoveStateAsync(StateKey, ct);
        return paused;
    }
}
