using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Publishing;

public sealed class SlotSchedulerTests : IDisposable
{
    // 08:00 UTC is 17:00 in Seoul; the 09:00 Seoul slot is at 00:00 UTC.
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextSlot = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly WatchedTimeProvider time = new(Start);

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_fresh_start_waits_for_the_next_slot_then_takes_NotesPerSlot_notes()
    {
        var destination = new FakeDestination("fake", time);
        await using var services = Services(destination);
        await Import(services, 5);

        await using var running = await RunAsync(services);
        await Eventually.TrueAsync(async () => await LastSlotAsync(services) == Start, "the marker of a fresh start");
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait for the first slot");
        var beforeTheSlot = destination.Calls.Count;
        time.Advance(NextSlot - Start - TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait on, a second before the slot");
        var justBefore = destination.Calls.Count;
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 2, "the first slot");
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 4, "the second slot");

        Assert.Equal(0, beforeTheSlot);
        Assert.Equal(0, justBefore);
        Assert.Equal(["Paper 1", "Paper 2", "Paper 3", "Paper 4"], destination.PostedTitles);
        Assert.Equal([NextSlot, NextSlot, NextSlot.AddDays(1), NextSlot.AddDays(1)], destination.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task After_days_of_downtime_one_slot_s_worth_goes_out_at_once_then_the_schedule_resumes()
    {
        var destination = new FakeDestination("fake", time);
        await using var services = Services(destination);
        await Import(services, 10);
        // Stopped five days ago: five slots were missed.
        await services.GetRequiredService<DeliveryStore>().SetStateAsync(SlotScheduler.LastSlotKey, NoteRows.Time(Start.AddDays(-5)), default);

        await using var running = await RunAsync(services);
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 2, "the catch-up slot");
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait for the next regular slot");
        var afterCatchUp = destination.PostedTitles.Count;
        time.Advance(NextSlot - Start);
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 4, "the next regular slot");

        Assert.Equal(2, afterCatchUp);
        Assert.Equal([Start, Start, NextSlot, NextSlot], destination.Calls.Select(c => c.At));
        Assert.Equal(NextSlot, await LastSlotAsync(services));
    }

    [Fact]
    public async Task A_destination_retrying_for_hours_neither_delays_the_next_slot_nor_the_other_destination()
    {
        var down = new FakeDestination("down", time) { FailWith = (_, _) => new HttpRequestException("502 Bad Gateway") };
        var up = new FakeDestination("up", time);
        await using var services = Services(down, up);
        await Import(services, 4);

        await using var running = await RunAsync(services);
        await Eventually.TrueAsync(async () => await LastSlotAsync(services) == Start, "a fresh start");
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait for the first slot");
        time.Advance(NextSlot - Start);
        await Eventually.TrueAsync(() => up.PostedTitles.Count == 2 && down.Calls.Count >= 1, "the first slot");
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => up.PostedTitles.Count == 4, "the second slot while 'down' still retries its first note");

        Assert.Empty(down.PostedTitles);
        Assert.All(down.Calls, c => Assert.Equal("Paper 1", c.Title));
        Assert.Equal(NextSlot.AddDays(1), await LastSlotAsync(services));
    }

    [Fact]
    public async Task A_pause_holds_three_slots_and_after_resume_the_next_slot_posts_one_slot_s_worth()
    {
        var destination = new FakeDestination("fake", time);
        await using var services = Services(destination);
        await Import(services, 10);
        var curating = services.GetRequiredService<DigestBot.Chat.CuratingCommands>();

        await using var running = await RunAsync(services);
        await Eventually.TrueAsync(async () => await LastSlotAsync(services) == Start, "the marker of a fresh start");
        await curating.PauseAsync("", default);
        for (var day = 0; day < 3; day++)
        {
            var slot = NextSlot.AddDays(day);
            await time.WaitForTimerAsync(slot, $"the scheduler to wait for paused slot {day + 1}");
            time.Advance(slot - time.GetUtcNow());
            await Eventually.TrueAsync(async () => await LastSlotAsync(services) == slot, $"paused slot {day + 1} passing");
        }

        var whilePaused = destination.Calls.Count;
        await curating.ResumeAsync(default);
        var afterResume = NextSlot.AddDays(3);
        await time.WaitForTimerAsync(afterResume, "the scheduler to wait for the slot after the resume");
        time.Advance(afterResume - time.GetUtcNow());
        await Eventually.TrueAsync(async () => destination.PostedTitles.Count == 2 && await LastSlotAsync(services) == afterResume, "the slot after the resume");

        Assert.Equal(0, whilePaused);
        Assert.Equal(["Paper 1", "Paper 2"], destination.PostedTitles);
        Assert.Equal([afterResume, afterResume], destination.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task A_pause_survives_a_restart_and_holds_the_catch_up_slot_too()
    {
        var destination = new FakeDestination("fake", time);
        await using var services = Services(destination);
        await Import(services, 4);
        await services.GetRequiredService<DeliveryStore>().SetStateAsync(SlotScheduler.LastSlotKey, NoteRows.Time(Start.AddDays(-5)), default);
        await services.GetRequiredService<SchedulePause>().PauseAsync(NextSlot.AddHours(1), default);

        await using var running = await RunAsync(services);
        await Eventually.TrueAsync(async () => await LastSlotAsync(services) == Start, "the held catch-up slot");
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait for the next regular slot");
        time.Advance(NextSlot - Start);
        await Eventually.TrueAsync(async () => await LastSlotAsync(services) == NextSlot, "the next slot, still before the pause ends");
        await time.WaitForTimerAsync(NextSlot.AddDays(1), "the scheduler to wait for the slot after the pause");
        var beforeTheEnd = destination.Calls.Count;
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 2, "the first slot after the pause ended");

        Assert.Equal(0, beforeTheEnd);
        Assert.Equal([NextSlot.AddDays(1), NextSlot.AddDays(1)], destination.Calls.Select(c => c.At));
    }

    [Fact]
    public async Task Next_and_move_change_which_notes_the_next_slot_posts()
    {
        var destination = new FakeDestination("fake", time);
        await using var services = Services(destination);
        await Import(services, 10);
        // Reordered before the bot starts: the scheduler reads the queue's order at each slot.
        var next = await services.GetRequiredService<DigestBot.Chat.CuratingCommands>().NextAsync("7", "cli", default);
        var move = await services.GetRequiredService<DigestBot.Chat.CuratingCommands>().MoveAsync("9 2", "cli", default);

        await using var running = await RunAsync(services);
        await time.WaitForTimerAsync(NextSlot, "the scheduler to wait for the first slot");
        time.Advance(NextSlot - Start);
        await Eventually.TrueAsync(() => destination.PostedTitles.Count == 2, "the first slot");

        Assert.Equal("“Paper 7” (note 7) is now number 1 in the queue; /queue shows its slot.", next.Heading);
        Assert.Equal("“Paper 9” (note 9) is now number 2 in the queue; /queue shows its slot.", move.Heading);
        Assert.Equal(["Paper 7", "Paper 9"], destination.PostedTitles);
        Assert.Equal(
            ["Paper 1", "Paper 2", "Paper 3", "Paper 4", "Paper 5", "Paper 6", "Paper 8", "Paper 10"],
            (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title));
    }

    private ServiceProvider Services(params FakeDestination[] destinations) =>
        TestServices.Create(
            folder,
            new Dictionary<string, string?>
            {
                ["Schedule:Cron"] = "0 9 * * *",
                ["Schedule:TimeZone"] = "Asia/Seoul",
                ["Schedule:NotesPerSlot"] = "2",
                // Longer than a test runs: a failing destination stays in one backoff wait on the fake clock.
                ["Publishing:RetryBaseDelay"] = "01:00:00",
                ["Publishing:RetryMaxDelay"] = "01:00:00",
            },
            time,
            services =>
            {
                services.RemoveAll<IDestination>();
                foreach (var destination in destinations)
                {
                    services.AddSingleton<IDestination>(destination);
                }

                services.AddSingleton<DeliveryWorker>();
                services.AddSingleton<SlotScheduler>();
            });

    private static async Task Import(ServiceProvider services, int count) =>
        await services.GetRequiredService<NoteStore>().ImportAsync(
            Enumerable.Range(1, count).Select(i => NoteFactory.Paper($"Paper {i}")).ToList(), default);

    private static async Task<DateTimeOffset?> LastSlotAsync(ServiceProvider services) =>
        await services.GetRequiredService<DeliveryStore>().GetStateAsync(SlotScheduler.LastSlotKey, default) is { } text
            ? DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static async Task<Running> RunAsync(ServiceProvider services)
    {
        var worker = services.GetRequiredService<DeliveryWorker>();
        var scheduler = services.GetRequiredService<SlotScheduler>();
        await worker.StartAsync(default);
        await scheduler.StartAsync(default);
        return new Running(worker, scheduler);
    }

    private sealed class Running(DeliveryWorker worker, SlotScheduler scheduler) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await scheduler.StopAsync(default);
            await worker.StopAsync(default);
        }
    }
}
