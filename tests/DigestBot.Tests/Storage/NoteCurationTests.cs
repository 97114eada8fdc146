using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

public sealed class NoteCurationTests : DatabaseTests
{
    private const string Channel = "telegram:@c";

    private NoteStore Store => services.GetRequiredService<NoteStore>();

    private DeliveryStore Deliveries => services.GetRequiredService<DeliveryStore>();

    private NoteCuration Curation => services.GetRequiredService<NoteCuration>();

    private MessageEditStore Edits => services.GetRequiredService<MessageEditStore>();

    [Fact]
    public async Task Withdrawing_a_posted_note_records_a_deletion_of_each_message_and_counts_it_out_of_tags_search_and_the_archive()
    {
        var id = await PostAsync("11", "12");

        var result = await Curation.WithdrawAsync(id, "cli", CancellationToken.None);

        Assert.Equal(new CurationResult(CurationOutcome.Done, "SAM 2", Messages: 2), result);
        var edits = await Edits.ForNoteAsync(id, CancellationToken.None);
        Assert.All(edits, e => Assert.Equal((MessageEditKind.Withdraw, DeliveryState.Pending, Channel), (e.Kind, e.State, e.Destination)));
        Assert.Equal(["11", "12"], edits.Select(e => e.MessageId));
        Assert.DoesNotContain(await Store.TagsAsync(includeQueued: true, CancellationToken.None), t => t.Tag == "video-segmentation");
        Assert.Empty(await Store.ByTagAsync("video-segmentation", includeQueued: true, CancellationToken.None));
        Assert.Empty(await Store.SearchAsync("비디오", includeQueued: true, CancellationToken.None));
        Assert.Empty(await Store.SearchAsync("비디오", includeQueued: false, CancellationToken.None));
        Assert.Equal(0, await services.GetRequiredService<ArchiveStore>().CountAsync(CancellationToken.None));
        Assert.Equal(["Mamba"], (await Store.QueuedAsync(CancellationToken.None)).Select(n => n.Note.Title));
    }

    [Fact]
    public async Task Withdrawing_twice_or_an_unknown_note_changes_nothing_and_says_which()
    {
        var id = await PostAsync("11");
        await Curation.WithdrawAsync(id, "cli", CancellationToken.None);

        Assert.Equal(CurationOutcome.AlreadyWithdrawn, (await Curation.WithdrawAsync(id, "cli", CancellationToken.None)).Outcome);
        Assert.Equal(CurationOutcome.NoSuchNote, (await Curation.WithdrawAsync(99, "cli", CancellationToken.None)).Outcome);
        Assert.Equal(CurationOutcome.NotWithdrawn, (await Curation.RequeueAsync(2, "cli", CancellationToken.None)).Outcome);
        Assert.Single(await Edits.ForNoteAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_queued_note_withdrawn_leaves_the_queue_and_requeue_puts_it_back_at_the_end_with_its_tags()
    {
        await Store.ImportAsync(
            [NoteFactory.Paper("A", "2401.00001", ["rlhf", "llm"]), NoteFactory.Paper("B", "2401.00002"), NoteFactory.Paper("C", "2401.00003")],
            CancellationToken.None);

        var withdrawn = await Curation.WithdrawAsync(1, "telegram:42", CancellationToken.None);
        Assert.True(withdrawn.WasQueued);
        Assert.Equal(["B", "C"], (await Store.QueuedAsync(CancellationToken.None)).Select(n => n.Note.Title));
        Assert.DoesNotContain(await Store.TagsAsync(includeQueued: true, CancellationToken.None), t => t.Tag == "rlhf");

        var requeued = await Curation.RequeueAsync(1, "cli", CancellationToken.None);

        Assert.Equal(new CurationResult(CurationOutcome.Done, "A", Position: 3), requeued);
        var queue = await Store.QueuedAsync(CancellationToken.None);
        Assert.Equal(["B", "C", "A"], queue.Select(n => n.Note.Title));
        Assert.Equal(["rlhf", "llm"], queue[2].Note.Tags);
        Assert.Contains(new TagCount("rlhf", 0, 1), await Store.TagsAsync(includeQueued: true, CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_in_flight_when_its_note_is_withdrawn_takes_back_what_it_posts_after()
    {
        await Store.ImportAsync([NoteFactory.Paper("SAM 2", "2408.00714")], CancellationToken.None);
        var id = (await Deliveries.TakeForSlotAsync(1, [new FakeChannelDestination(Channel)], null, CancellationToken.None))[0].Id;
        await Deliveries.MarkSendingAsync(id, Channel, CancellationToken.None);
        await Deliveries.MarkPartSentAsync(id, Channel, "21", CancellationToken.None);

        Assert.Equal(1, (await Curation.WithdrawAsync(id, "cli", CancellationToken.None)).Messages);
        await Deliveries.MarkPartSentAsync(id, Channel, "22", CancellationToken.None);
        await Deliveries.MarkSentAsync(id, Channel, null, CancellationToken.None);

        Assert.Equal(["21", "22"], (await Edits.ForNoteAsync(id, CancellationToken.None)).Select(e => e.MessageId));
        Assert.Equal(0, await services.GetRequiredService<ArchiveStore>().CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_delivery_in_flight_when_its_note_is_changed_edits_what_it_posted_when_it_finishes()
    {
        await Store.ImportAsync([NoteFactory.Paper("SAM 2", "2408.00714", commentary: "짧은 해설")], CancellationToken.None);
        var id = (await Deliveries.TakeForSlotAsync(1, [new FakeChannelDestination(Channel)], null, CancellationToken.None))[0].Id;
        await Deliveries.MarkSendingAsync(id, Channel, CancellationToken.None);
        await Deliveries.MarkPartSentAsync(id, Channel, "31", CancellationToken.None);

        var changed = await Store.ImportAsync([NoteFactory.Paper("SAM 2", "2408.00714", commentary: "고친 해설")], CancellationToken.None);
        var whileSending = await Edits.ForNoteAsync(id, CancellationToken.None);
        await Deliveries.MarkSentAsync(id, Channel, null, CancellationToken.None);

        Assert.Single(changed.Updated);
        Assert.Empty(whileSending);
        var edit = Assert.Single(await Edits.ForNoteAsync(id, CancellationToken.None));
        Assert.Equal((MessageEditKind.Edit, "31", DeliveryState.Pending), (edit.Kind, edit.MessageId, edit.State));
    }

    [Fact]
    public async Task Requeue_waits_until_the_posted_copies_are_deleted_then_posts_the_note_afresh()
    {
        var id = await PostAsync("11");
        await Curation.WithdrawAsync(id, "cli", CancellationToken.None);

        Assert.Equal(CurationOutcome.StillTakingBack, (await Curation.RequeueAsync(id, "cli", CancellationToken.None)).Outcome);

        var deletion = (await Edits.ForNoteAsync(id, CancellationToken.None)).Single();
        await Edits.MarkDoneAsync(deletion, null, null, CancellationToken.None);
        Assert.Equal(CurationOutcome.Done, (await Curation.RequeueAsync(id, "cli", CancellationToken.None)).Outcome);
        var requeued = (await Store.FindAsync(id, CancellationToken.None))!;
        Assert.Empty(requeued.Deliveries);
        Assert.Null(requeued.TakenAt);
        Assert.Equal([id], (await Deliveries.TakeForSlotAsync(2, [new FakeChannelDestination(Channel)], null, CancellationToken.None)).Select(n => n.Id).Where(n => n == id));
    }

    [Fact]
    public async Task Move_puts_a_queued_note_at_a_place_and_refuses_a_posted_note_or_a_place_the_queue_has_not()
    {
        var posted = await PostAsync("11");
        await Store.ImportAsync([NoteFactory.Paper("C", "2401.00003"), NoteFactory.Paper("D", "2401.00004")], CancellationToken.None);

        Assert.Equal(new CurationResult(CurationOutcome.NotQueued, "SAM 2"), await Curation.MoveAsync(posted, 1, "cli", CancellationToken.None));
        Assert.Equal(new CurationResult(CurationOutcome.OutOfRange, "D", Position: 3), await Curation.MoveAsync(4, 4, "cli", CancellationToken.None));
        Assert.Equal(CurationOutcome.OutOfRange, (await Curation.MoveAsync(4, 0, "cli", CancellationToken.None)).Outcome);
        Assert.Equal(CurationOutcome.NoSuchNote, (await Curation.MoveAsync(99, 1, "cli", CancellationToken.None)).Outcome);
        Assert.Equal(["Mamba", "C", "D"], (await Store.QueuedAsync(CancellationToken.None)).Select(n => n.Note.Title));

        Assert.Equal(new CurationResult(CurationOutcome.Done, "D", Position: 2), await Curation.MoveAsync(4, 2, "cli", CancellationToken.None));
        await Store.ImportAsync([NoteFactory.Paper("E", "2401.00005")], CancellationToken.None);

        Assert.Equal(["Mamba", "D", "C", "E"], (await Store.QueuedAsync(CancellationToken.None)).Select(n => n.Note.Title));
    }

    /// <summary>"SAM 2" posted to the channel as the given messages, "Mamba" still queued; returns SAM 2's id.</summary>
    [Fact]
    public async Task A_change_committed_since_the_queue_was_shown_refuses_a_move_or_withdraw_checked_against_that_queue()
    {
        var ids = await ImportQueueAsync();
        var shown = QueueListingVersion.Of(ids);
        await Curation.MoveAsync(ids[2], 1, "cli", CancellationToken.None);

        var moved = await Curation.MoveAsync(ids[0], 2, "telegram:777", shown, CancellationToken.None);
        var withdrawn = await Curation.WithdrawAsync(ids[1], "telegram:777", shown, CancellationToken.None);

        Assert.Equal(CurationOutcome.QueueChanged, moved.Outcome);
        Assert.Equal(CurationOutcome.QueueChanged, withdrawn.Outcome);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueuedAsync());
        Assert.Empty(await Curation.ChangesAsync(ids[0], CancellationToken.None));
        Assert.Empty(await Curation.ChangesAsync(ids[1], CancellationToken.None));
        Assert.False(await Store.IsWithdrawnAsync(ids[1], CancellationToken.None));
    }

    [Fact]
    public async Task A_move_checked_against_the_queue_as_it_is_goes_ahead()
    {
        var ids = await ImportQueueAsync();

        var moved = await Curation.MoveAsync(ids[0], 2, "telegram:777", QueueListingVersion.Of(ids), CancellationToken.None);
        var withdrawn = await Curation.WithdrawAsync(ids[2], "telegram:777", QueueListingVersion.Of([ids[1], ids[0], ids[2]]), CancellationToken.None);

        Assert.Equal(new CurationResult(CurationOutcome.Done, "비디오 분할 모델 SAM 2", Position: 2), moved);
        Assert.Equal(CurationOutcome.Done, withdrawn.Outcome);
        Assert.Equal([ids[1], ids[0]], await QueuedAsync());
    }

    [Fact]
    public async Task A_press_waiting_on_another_writer_checks_the_queue_that_writer_left()
    {
        var ids = await ImportQueueAsync();
        var shown = QueueListingVersion.Of(ids);
        await using var cli = new SqliteConnection($"Data Source={services.GetRequiredService<SqliteDatabase>().FullPath}");
        await cli.OpenAsync();
        await using var cliMove = cli.BeginTransaction(deferred: false);
        await using (var swap = cli.CreateCommand())
        {
            swap.Transaction = cliMove;
            swap.CommandText = "UPDATE notes SET queue_position = -queue_position WHERE id = $id";
            swap.Parameters.AddWithValue("$id", ids[2]);
            await swap.ExecuteNonQueryAsync();
        }

        // The press starts while the command line holds the write lock, and can only go on once it has committed.
        var press = Task.Run(() => Curation.MoveAsync(ids[0], 2, "telegram:777", shown, CancellationToken.None));
        await cliMove.CommitAsync();

        Assert.Equal(CurationOutcome.QueueChanged, (await press).Outcome);
        Assert.Equal([ids[2], ids[0], ids[1]], await QueuedAsync());
        Assert.Empty(await Curation.ChangesAsync(ids[0], CancellationToken.None));
    }

    private async Task<long[]> ImportQueueAsync()
    {
        var outcome = await Store.ImportAsync(
            [NoteFactory.Paper("비디오 분할 모델 SAM 2", "2408.00731"), NoteFactory.Paper("한국어 거대 언어 모델 평가", "2408.00732"), NoteFactory.Paper("확산 모델의 스케일링 법칙", "2408.00733")],
            CancellationToken.None);
        return [.. outcome.Queued.Select(n => n.Id)];
    }

    private async Task<long[]> QueuedAsync() => [.. (await Store.QueuedIdsAsync(CancellationToken.None)).Select(q => q.Id)];

    private async Task<long> PostAsync(params string[] messageIds)
    {
        await Store.ImportAsync(
            [NoteFactory.Paper("SAM 2", "2408.00714", ["video-segmentation"], "비디오 분할 모델입니다."), NoteFactory.Paper("Mamba", "2312.00752", ["ssm"])],
            CancellationToken.None);
        var id = (await Deliveries.TakeForSlotAsync(1, [new FakeChannelDestination(Channel)], null, CancellationToken.None))[0].Id;
        foreach (var messageId in messageIds)
        {
            await Deliveries.MarkPartSentAsync(id, Channel, messageId, CancellationToken.None);
        }

        await Deliveries.MarkSentAsync(id, Channel, null, CancellationToken.None);
        Assert.Single(await Store.SearchAsync("비디오", includeQueued: false, CancellationToken.None));
        return id;
    }
}
