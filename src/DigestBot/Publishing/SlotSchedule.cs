using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using Cronos;
using DigestBot.Background;
using Microsoft.Extensions.Options;

namespace DigestBot.Publishing;

/// <summary>When slots fall: the cron read in its time zone. Cronos handles daylight-saving gaps and overlaps.</summary>
internal sealed class SlotSchedule
{
    private readonly CronExpression cron;
    private readonly TimeZoneInfo zone;

    public SlotSchedule(IOptions<ScheduleOptions> options)
    {
        var value = options.Value;
        if (!Cron.TryParse(value.Cron, out var parsed, out var error))
        {
            throw new OptionsValidationException(ScheduleOptions.Section, typeof(ScheduleOptions), [$"Schedule:Cron '{value.Cron}': {error}"]);
        }

        if (!Cron.TryFindZone(value.TimeZone, out var found))
        {
            throw new OptionsValidationException(ScheduleOptions.Section, typeof(ScheduleOptions), [$"Schedule:TimeZone '{value.TimeZone}' is not a known time zone."]);
        }

        cron = parsed;
        zone = found;
        HasSeconds = value.Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6;
        NotesPerSlot = value.NotesPerSlot;
    }

    public int NotesPerSlot { get; }

    /// <summary>A six-field cron: slot times are shown with seconds.</summary>
    public bool HasSeconds { get; }

    public TimeZoneInfo Zone => zone;

    /// <summary>A moment as curators read the schedule: in its zone, to the minute (to the second for a cron with seconds), with the zone's id.</summary>
    public string Display(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, zone).ToString(HasSeconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    /// <summary>The first slot strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => cron.GetNextOccurrence(after, zone);

    /// <summary>
    /// The slot of each queued note, in queue order. A note that is not <paramref name="ready"/> (it waits for its
    /// paper's metadata) takes no slot from the notes behind it; it is given the slot it would go out in if it became
    /// ready now.
    /// </summary>
    public IReadOnlyList<DateTimeOffset?> QueueSlots(IReadOnlyList<bool> ready, DateTimeOffset now)
    {
        var readySlots = QueueSlots(ready.Count(r => r) + 1, now);
        var slots = new List<DateTimeOffset?>(ready.Count);
        var taken = 0;
        foreach (var isReady in ready)
        {
            slots.Add(readySlots[taken]);
            taken += isReady ? 1 : 0;
        }

        return slots;
    }

    /// <summary>The slot of each of the first <paramref name="count"/> queued notes, walking the cron once.</summary>
    public IReadOnlyList<DateTimeOffset?> QueueSlots(int count, DateTimeOffset now)
    {
        var slots = new List<DateTimeOffset?>(count);
        var slot = Next(now);
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i % NotesPerSlot == 0 && slot is not null)
            {
                slot = Next(slot.Value);
            }

            slots.Add(slot);
        }

        return slots;
    }
}
