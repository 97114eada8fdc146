using DigestBot.Publishing;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Publishing;

public sealed class SlotScheduleTests
{
    [Fact]
    public void Spring_forward_in_New_York_moves_the_missing_0230_slot_to_0300_and_keeps_one_slot_a_day()
    {
        var schedule = Schedule("30 2 * * *", "America/New_York");

        var slots = Slots(schedule, At("2026-03-06T12:00:00Z"), At("2026-03-10T12:00:00Z"));

        // 2026-03-08 02:00 EST jumps to 03:00 EDT: 02:30 never happens that day.
        Assert.Equal(
            [At("2026-03-07T07:30:00Z"), At("2026-03-08T07:00:00Z"), At("2026-03-09T06:30:00Z"), At("2026-03-10T06:30:00Z")],
            slots);
    }

    [Fact]
    public void Fall_back_in_New_York_runs_the_twice_occurring_0130_slot_once()
    {
        var schedule = Schedule("30 1 * * *", "America/New_York");

        var slots = Slots(schedule, At("2026-10-31T00:00:00Z"), At("2026-11-02T12:00:00Z"));

        // 2026-11-01 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST); only the first is a slot.
        Assert.Equal([At("2026-10-31T05:30:00Z"), At("2026-11-01T05:30:00Z"), At("2026-11-02T06:30:00Z")], slots);
    }

    [Fact]
    public void The_cron_is_read_in_the_configured_zone()
    {
        var seoul = Schedule("0 9 * * *", "Asia/Seoul");
        var utc = Schedule("0 9 * * *", "UTC");

        Assert.Equal(At("2026-03-02T00:00:00Z"), seoul.Next(At("2026-03-01T08:00:00Z")));
        Assert.Equal(At("2026-03-01T09:00:00Z"), utc.Next(At("2026-03-01T08:00:00Z")));
    }

    [Fact]
    public void Six_fields_put_seconds_first()
    {
        var schedule = Schedule("*/20 * * * * *", "UTC");

        Assert.Equal([At("2026-03-01T08:00:20Z"), At("2026-03-01T08:00:40Z"), At("2026-03-01T08:01:00Z")],
            Slots(schedule, At("2026-03-01T08:00:05Z"), At("2026-03-01T08:01:00Z")));
    }

    [Fact]
    public void Queued_notes_are_given_slots_NotesPerSlot_at_a_time()
    {
        var schedule = Schedule("0 9 * * *", "UTC", notesPerSlot: 2);
        var now = At("2026-03-01T08:00:00Z");

        Assert.Equal(
            [At("2026-03-01T09:00:00Z"), At("2026-03-01T09:00:00Z"), At("2026-03-02T09:00:00Z"), At("2026-03-02T09:00:00Z"), At("2026-03-03T09:00:00Z")],
            schedule.QueueSlots(5, now).Select(s => s!.Value));
    }

    [Fact]
    public void A_note_waiting_for_metadata_holds_no_slot_back_from_the_notes_behind_it()
    {
        var schedule = Schedule("0 9 * * *", "UTC");
        var now = At("2026-03-01T08:00:00Z");

        // Queue order: ready, waiting, ready, waiting, ready.
        var slots = schedule.QueueSlots([true, false, true, false, true], now);

        Assert.Equal(
            [At("2026-03-01T09:00:00Z"), At("2026-03-02T09:00:00Z"), At("2026-03-02T09:00:00Z"), At("2026-03-03T09:00:00Z"), At("2026-03-03T09:00:00Z")],
            slots.Select(s => s!.Value));
    }

    [Theory]
    [InlineData("0 9 * *", "UTC", 1, "Schedule:Cron '0 9 * *' is not a cron expression (it has 4 fields, not 5 or 6)")]
    [InlineData("0 25 * * *", "UTC", 1, "Schedule:Cron '0 25 * * *' is not a cron expression")]
    [InlineData("0 9 * * *", "Mars/Olympus_Mons", 1, "Schedule:TimeZone 'Mars/Olympus_Mons' is not a known time zone")]
    [InlineData("0 9 * * *", "UTC", 0, "Schedule:NotesPerSlot '0' must be between 1 and 1000")]
    public void A_bad_schedule_is_named_in_one_sentence(string cron, string zone, int notesPerSlot, string expected)
    {
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { Cron = cron, TimeZone = zone, NotesPerSlot = notesPerSlot });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static SlotSchedule Schedule(string cron, string zone, int notesPerSlot = 1) =>
        new(Options.Create(new ScheduleOptions { Cron = cron, TimeZone = zone, NotesPerSlot = notesPerSlot }));

    private static List<DateTimeOffset> Slots(SlotSchedule schedule, DateTimeOffset from, DateTimeOffset to)
    {
        var slots = new List<DateTimeOffset>();
        for (var slot = schedule.Next(from); slot is { } s && s <= to; slot = schedule.Next(s))
        {
            slots.Add(s);
        }

        return slots;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
