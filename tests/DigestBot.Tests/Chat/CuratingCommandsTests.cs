using DigestBot.Chat;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Chat;

public sealed class CuratingCommandsTests : DatabaseTests
{
    private Task<ChatReply?> Ask(string text, bool curator) =>
        services.GetRequiredService<ChatCommandHandler>().HandleAsync(new ChatMessage(ChatPlatform.Console, "chat", "user", text, curator), default);

    [Fact]
    public async Task Withdraw_and_requeue_are_for_curators_and_each_bad_input_gets_one_sentence_and_changes_nothing()
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("한국어 논문", "2401.00001"), NoteFactory.Paper("B", "2401.00002")], default);

        var stranger = await Ask("/withdraw 1", curator: false);
        var which = await Ask("/withdraw", curator: true);
        var unknown = await Ask("/requeue 99", curator: true);
        var notWithdrawn = await Ask("/requeue 1", curator: true);

        Assert.Equal("Sorry, /withdraw is for the channel's curators.", stranger!.Heading);
        Assert.Equal("Which note? Send /withdraw with its id, e.g. /withdraw 12.", which!.Heading);
        Assert.Equal(["There is no note 99.", "Check the id: /queue lists the queued notes with theirs."], [unknown!.Heading, .. unknown.Lines]);
        Assert.Equal("“한국어 논문” (note 1) is not withdrawn, so there is nothing to requeue.", notWithdrawn!.Heading);
        Assert.True(which.NotFound && unknown.NotFound && notWithdrawn.NotFound);
        Assert.Equal(2, (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Count);
    }

    [Fact]
    public async Task A_curator_withdraws_and_requeues_a_queued_note_and_hears_it_in_their_language()
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("한국어 논문", "2401.00001"), NoteFactory.Paper("B", "2401.00002")], default);

        var withdrawn = await Ask("/withdraw 1", curator: true);
        var twice = await Ask("/withdraw 1", curator: true);
        ChatText.Language = ChatLanguage.Korean;
        var requeued = await Ask("/requeue 1", curator: true);

        Assert.Equal("“한국어 논문” (note 1) left the queue; /requeue 1 puts it back at the end.", withdrawn!.Heading);
        Assert.Equal("“한국어 논문” (note 1) is withdrawn already; /requeue 1 puts it back in the queue.", twice!.Heading);
        Assert.Equal("“한국어 논문”(노트 1)을 다시 대기열에 넣었어요. 2번째 순서예요.", requeued!.Heading);
        Assert.Equal(["B", "한국어 논문"], (await services.GetRequiredService<NoteStore>().QueuedAsync(default)).Select(n => n.Note.Title));
    }

    [Fact]
    public async Task Pause_until_a_date_shows_in_the_queue_and_health_and_bad_or_past_times_are_refused()
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("한국어 논문", "2401.00001")], default);

        var stranger = await Ask("/pause", curator: false);
        var bad = await Ask("/pause until tomorrow", curator: true);
        var past = await Ask("/pause until 2001-01-01", curator: true);
        var notPaused = await Ask("/resume", curator: true);
        Assert.Null(await services.GetRequiredService<SchedulePause>().CurrentAsync(default));
        var paused = await Ask("/pause until 2099-12-26", curator: true);
        var queue = await Ask("/queue", curator: true);
        var health = await ActivatorUtilities.CreateInstance<PublishingHealthCheck>(services).ReadAsync(default);
        var resumed = await Ask("/resume", curator: true);

        Assert.Equal("Sorry, /pause is for the channel's curators.", stranger!.Heading);
        Assert.StartsWith("“tomorrow” is neither a date nor a duration: send e.g. /pause until 2026-12-26", bad!.Heading, StringComparison.Ordinal);
        Assert.Equal("2001-01-01 00:00 UTC has passed already: give a time in the future.", past!.Heading);
        Assert.Equal("Posting is not paused, so there is nothing to resume.", notPaused!.Heading);
        Assert.True(bad.NotFound && past.NotFound && notPaused.NotFound);
        Assert.Equal("Posting is paused until 2099-12-26 00:00 UTC: no slot takes a note before then, and skipped slots are not made up.", paused!.Heading);
        Assert.Equal("Posting is paused until 2099-12-26 00:00 UTC; /resume starts it sooner.", queue!.Lines[0]);
        Assert.True(queue.Notes[0].Slot >= new DateTimeOffset(2099, 12, 26, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(new ScheduleHold(new DateTimeOffset(2099, 12, 26, 0, 0, 0, TimeSpan.Zero)), health.ScheduleHold);
        Assert.StartsWith("Posting resumes: the next slot, ", resumed!.Heading, StringComparison.Ordinal);
        Assert.Null(await services.GetRequiredService<SchedulePause>().CurrentAsync(default));
    }

    [Theory]
    [InlineData("2026-12-26", "2026-12-25T15:00:00+00:00")]
    [InlineData("2026-12-26 09:30", "2026-12-26T00:30:00+00:00")]
    [InlineData("90m", "2026-03-01T09:30:00+00:00")]
    [InlineData("3d", "2026-03-04T08:00:00+00:00")]
    [InlineData("2 w", "2026-03-15T08:00:00+00:00")]
    public void Pause_until_reads_a_date_in_the_schedule_s_zone_or_a_duration_from_now(string text, string expected)
    {
        var seoul = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

        Assert.True(PauseUntil.TryParse(text, new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), seoul, out var until));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), until);
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("3 days")]
    [InlineData("2026-13-01")]
    [InlineData("-3d")]
    public void Pause_until_refuses_what_is_neither(string text) =>
        Assert.False(PauseUntil.TryParse(text, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc, out _));
}
