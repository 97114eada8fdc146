using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

public sealed class ChatStoresTests : DatabaseTests
{

    [Fact]
    public async Task A_note_awaiting_metadata_is_skipped_by_slots_until_completed()
    {
        var amendments = services.GetRequiredService<NoteAmendments>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var (pending, queued) = await amendments.QueueAwaitingMetadataAsync(new Note { Title = "arXiv 2408.00714 (metadata pending)", ArxivId = "2408.00714" }, default);
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("Ready", "2408.00001", @abstract: "We preserve it.")], default);
        var (_, again) = await amendments.QueueAwaitingMetadataAsync(new Note { Title = "whatever", ArxivId = "2408.00714" }, default);

        var first = await deliveries.TakeForSlotAsync(1, [], null, default);
        var nothing = await deliveries.TakeForSlotAsync(1, [], null, default);
        await amendments.CompleteMetadataAsync(pending.Id, "SAM 2", ["Nikhila Ravi"], "We present SAM 2.", default);
        var second = await deliveries.TakeForSlotAsync(1, [], null, default);

        Assert.True(queued);
        Assert.False(again);
        Assert.Equal("Ready", Assert.Single(first).Note.Title);
        Assert.Empty(nothing);
        Assert.Equal(("SAM 2", "We present SAM 2."), (Assert.Single(second).Note.Title, second[0].Note.Abstract));
        Assert.False(await amendments.IsAwaitingMetadataAsync(pending.Id, default));
        var search = services.GetRequiredService<NoteStore>();
        // "pres" is expanded from the index's words: "present" came with the metadata, through the update trigger.
        Assert.Equal(["Ready", "SAM 2"], (await search.SearchAsync("pres", includeQueued: true, default)).Select(n => n.Title));
        Assert.Empty(await search.SearchAsync("pending", includeQueued: true, default));
    }

    [Fact]
    public async Task Commentary_is_appended_only_while_the_note_is_queued()
    {
        var amendments = services.GetRequiredService<NoteAmendments>();
        var stored = (await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("P", "2408.00001", commentary: "one")], default)).Queued[0];

        var added = await amendments.AppendAsync(stored.Id, "two", ["Vision_Language", "llm"], _ => null, default);
        await services.GetRequiredService<DeliveryStore>().TakeForSlotAsync(1, [], null, default);
        var late = await amendments.AppendAsync(stored.Id, "three", [], _ => null, default);
        var note = (await services.GetRequiredService<NoteStore>().FindAsync(stored.Id, default))!.Note;

        Assert.Equal(((true, (string?)null), (false, (string?)null)), (added, late));
        Assert.Equal("one\n\ntwo", note.Commentary);
        Assert.Single(await services.GetRequiredService<NoteStore>().SearchAsync("one two", includeQueued: true, default));
        Assert.Empty(await services.GetRequiredService<NoteStore>().SearchAsync("three", includeQueued: true, default));
        Assert.Equal(["llm", "vision-language"], note.Tags);
    }

    [Fact]
    public async Task An_amendment_the_check_refuses_changes_nothing_and_says_why()
    {
        var amendments = services.GetRequiredService<NoteAmendments>();
        var notes = services.GetRequiredService<NoteStore>();
        var stored = (await notes.ImportAsync([NoteFactory.Paper("P", "2408.00001", tags: [], commentary: "첫번째 생각")], default)).Queued[0];
        Note? seen = null;

        var result = await amendments.AppendAsync(stored.Id, "두번째 생각", ["llm"], note =>
        {
            seen = note;
            return "too long";
        }, default);
        var after = (await notes.FindAsync(stored.Id, default))!.Note;

        Assert.Equal((false, "too long"), result);
        Assert.Equal("첫번째 생각\n\n두번째 생각", seen!.Commentary);
        Assert.Equal(["llm"], seen.Tags);
        Assert.Equal("첫번째 생각", after.Commentary);
        Assert.Empty(after.Tags);
        Assert.Empty(await notes.SearchAsync("두번째", includeQueued: true, default));
    }

    [Fact]
    public async Task Subscriptions_per_chat_and_everything_wins_over_tags()
    {
        var store = services.GetRequiredService<SubscriptionStore>();
        await store.SubscribeAsync("telegram", "1", "#Video_Segmentation", default);
        await store.SubscribeAsync("telegram", "1", "llm", default);
        await store.SubscribeAsync("telegram", "2", "llm", default);
        await store.SubscribeAsync("telegram", "2", null, default);
        await store.SubscribeAsync("slack", "C1", null, default);

        var telegram = await store.AllAsync("telegram", default);
        var removed = await store.UnsubscribeAsync("telegram", "1", default);

        Assert.Equal(["llm", "video-segmentation"], telegram.Single(s => s.ChatId == "1").Tags);
        Assert.True(telegram.Single(s => s.ChatId == "2").Everything);
        Assert.Equal(2, removed);
        Assert.Equal(["2"], (await store.AllAsync("telegram", default)).Select(s => s.ChatId));
    }

    [Fact]
    public async Task An_update_is_claimed_once_per_platform()
    {
        var store = services.GetRequiredService<HandledUpdateStore>();

        var claims = new[]
        {
            await store.TryClaimAsync("telegram", "100", default),
            await store.TryClaimAsync("telegram", "100", default),
            await store.TryClaimAsync("slack", "100", default),
        };

        Assert.Equal([true, false, true], claims);
    }

    [Fact]
    public async Task Claims_made_at_once_are_each_answered_once_and_committed_before_the_answer()
    {
        var store = services.GetRequiredService<HandledUpdateStore>();
        var database = services.GetRequiredService<SqliteDatabase>();
        var committedAtAnswer = new List<bool>();

        // 200 ids, each claimed twice, all at once.
        var claims = Enumerable.Range(0, 400).Select(async i =>
        {
            var id = (i % 200).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var claimed = await store.TryClaimAsync("telegram", id, default);
            await using var connection = await database.OpenAsync(default);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM handled_updates WHERE platform = 'telegram' AND update_id = $id";
            command.Parameters.AddWithValue("$id", id);
            var stored = (long)(await command.ExecuteScalarAsync())! == 1;
            lock (committedAtAnswer)
            {
                committedAtAnswer.Add(stored);
            }

            return (id, claimed);
        }).ToList();
        var answers = await Task.WhenAll(claims);

        Assert.All(answers.GroupBy(a => a.id), g => Assert.Equal([false, true], g.Select(a => a.claimed).Order()));
        Assert.All(committedAtAnswer, Assert.True);
    }

    [Fact]
    public async Task A_claim_whose_commit_fails_gets_the_error_and_the_next_claim_commits_again()
    {
        var store = services.GetRequiredService<HandledUpdateStore>();
        var database = services.GetRequiredService<SqliteDatabase>();
        Assert.True(await store.TryClaimAsync("telegram", "1", default));

        await Rename(database, "handled_updates", "handled_elsewhere");
        var failed = await Assert.ThrowsAsync<SqliteException>(() => store.TryClaimAsync("telegram", "2", default));
        await Rename(database, "handled_elsewhere", "handled_updates");

        Assert.Contains("handled_updates", failed.Message);
        Assert.True(await store.TryClaimAsync("telegram", "2", default));
        Assert.False(await store.TryClaimAsync("telegram", "1", default));

        static async Task Rename(SqliteDatabase database, string from, string to)
        {
            await using var connection = await database.OpenAsync(default);
            await using var command = connection.CreateCommand();
            command.CommandText = $"ALTER TABLE {from} RENAME TO {to}";
            await command.ExecuteNonQueryAsync();
        }
    }
}
