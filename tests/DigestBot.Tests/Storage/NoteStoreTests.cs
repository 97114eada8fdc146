using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

public sealed class NoteStoreTests : DatabaseTests
{
    private readonly NoteStore store;

    public NoteStoreTests() => store = services.GetRequiredService<NoteStore>();

    [Fact]
    public async Task Creates_the_folder_applies_every_migration_and_uses_wal()
    {
        await store.QueuedAsync(default);

        Assert.True(File.Exists(folder.File("data/digestbot.db")));
        await using var connection = new SqliteConnection($"Data Source={folder.File("data/digestbot.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteDatabase.Migrations().Max(m => m.Version), (long)(await command.ExecuteScalarAsync())!);
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_note_is_read_with_its_channels_deliveries_and_with_subscribers_copies_only_when_asked()
    {
        var deliveries = services.GetRequiredService<DeliveryStore>();
        string[] channels = ["telegram:@digest_channel", "slack:C0DIGEST01"];
        string[] subscribers = [DigestBot.Platforms.Telegram.TelegramDestination.SubscriberKeyPrefix + "7001", DigestBot.Platforms.Telegram.TelegramDestination.SubscriberKeyPrefix + "-1002", DigestBot.Platforms.Slack.SlackDestination.SubscriberKeyPrefix + "C0VIDEO01"];
        await store.ImportAsync([NoteFactory.Paper("비디오 분할", "2408.00714", ["video-segmentation"], "해설")], default);
        var taken = await deliveries.TakeForSlotAsync(1, [.. channels.Concat(subscribers).Select(k => new DigestBot.Tests.Platforms.Telegram.FakeChannelDestination(k))], null, default);
        foreach (var key in channels.Concat(subscribers))
        {
            await deliveries.MarkSentAsync(taken[0].Id, key, null, default);
        }

        var found = await store.FindAsync(taken[0].Id, default);
        var everything = await store.FindWithSubscriberCopiesAsync(taken[0].Id, default);
        var tagged = await store.ByTagPageAsync("video-segmentation", includeQueued: false, 1, 10, default);

        Assert.Equal(channels.Order(StringComparer.Ordinal), found!.Deliveries.Select(d => d.Destination).Order(StringComparer.Ordinal));
        Assert.Equal(channels.Concat(subscribers).Order(StringComparer.Ordinal), everything!.Deliveries.Select(d => d.Destination).Order(StringComparer.Ordinal));
        Assert.Equal(channels.Order(StringComparer.Ordinal), Assert.Single(tagged.Notes).Posts.Select(p => p.Destination).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_wake_finds_only_the_destinations_with_a_delivery_or_a_change_waiting()
    {
        var deliveries = services.GetRequiredService<DeliveryStore>();
        string[] keys = ["telegram:@digest_channel", "telegram:chat:7001", "telegram:chat:7002", "slack:C0DIGEST01"];
        await store.ImportAsync([NoteFactory.Paper("상태 공간 모델", "2312.00752", ["ssm"], "첫 해설")], default);
        var taken = await deliveries.TakeForSlotAsync(1, [.. keys.Select(k => new DigestBot.Tests.Platforms.Telegram.FakeChannelDestination(k))], null, default);
        var before = await deliveries.DestinationsWithWorkAsync(default);
        foreach (var key in keys)
        {
            await deliveries.MarkPartSentAsync(taken[0].Id, key, "1", default);
            await deliveries.MarkSentAsync(taken[0].Id, key, null, default);
        }

        var afterSending = await deliveries.DestinationsWithWorkAsync(default);
        await store.ImportAsync([NoteFactory.Paper("상태 공간 모델", "2312.00752", ["ssm"], "고친 해설")], default);
        var afterAnEdit = await deliveries.DestinationsWithWorkAsync(default);

        Assert.Equal(keys.Order(StringComparer.Ordinal), before.Order(StringComparer.Ordinal));
        Assert.Empty(afterSending);
        Assert.Equal(keys.Order(StringComparer.Ordinal), afterAnEdit.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Its_connections_wait_in_SQLite_for_another_writer_instead_of_sleeping_150_ms_between_tries()
    {
        await using var connection = await services.GetRequiredService<SqliteDatabase>().OpenAsync(default);
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA busy_timeout";

        Assert.Equal((long)SqliteDatabase.BusyTimeoutMs, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Importing_the_same_notes_again_changes_nothing_and_says_so()
    {
        var notes = new[] { NoteFactory.Paper("One", "2401.00001"), NoteFactory.Paper("Two", "2401.00002") };

        var first = await store.ImportAsync(notes, default);
        var second = await store.ImportAsync(notes, default);

        Assert.Equal(2, first.Queued.Count);
        Assert.Empty(second.Queued);
        Assert.Equal(first.Queued.Select(n => n.Id), second.AlreadyStored.Select(a => a.ExistingId));
        Assert.Equal(2, (await store.QueuedAsync(default)).Count);
    }

    [Fact]
    public async Task Dedupes_by_arxiv_id_before_link_and_title()
    {
        await store.ImportAsync([NoteFactory.Paper("Original title", "2401.00001")], default);

        var outcome = await store.ImportAsync([NoteFactory.Paper("A different title for the same paper", "2401.00001")], default);

        // The same paper with another title is the curator's correction: the stored note is updated, not queued twice.
        Assert.Empty(outcome.Queued);
        Assert.Equal(["title"], Assert.Single(outcome.Updated).Changed);
    }

    [Fact]
    public async Task Queue_keeps_import_order_across_imports()
    {
        await store.ImportAsync([NoteFactory.Paper("B first"), NoteFactory.Paper("A second")], default);
        await store.ImportAsync([NoteFactory.Paper("0 third")], default);

        var queued = await store.QueuedAsync(default);

        Assert.Equal(["B first", "A second", "0 third"], queued.Select(n => n.Note.Title));
    }

    [Fact]
    public async Task Round_trips_every_field()
    {
        var note = NoteFactory.Paper("SAM 2", "2408.00714", ["video-segmentation", "foundation-model"], "비디오 **확장** (https://arxiv.org/abs/2304.02643)", "We present SAM 2.", new DateOnly(2024, 7, 30))
            with { Links = ["https://ai.meta.com/blog/segment-anything-2", "https://arxiv.org/abs/2408.00714"] };

        var stored = (await store.ImportAsync([note], default)).Queued.Single();
        var found = await store.FindAsync(stored.Id, default);

        Assert.NotNull(found);
        Assert.Equal(note.Title, found.Note.Title);
        Assert.Equal(note.Authors, found.Note.Authors);
        Assert.Equal(note.Abstract, found.Note.Abstract);
        Assert.Equal(note.Links, found.Note.Links);
        Assert.Equal(note.ArxivId, found.Note.ArxivId);
        Assert.Equal(note.Commentary, found.Note.Commentary);
        Assert.Equal(note.Tags, found.Note.Tags);
        Assert.Equal(note.Date, found.Note.Date);
        Assert.Equal(note.Source, found.Note.Source);
    }

    [Theory]
    [InlineData("video-segmentation")]
    [InlineData("video_segmentation")]
    [InlineData("Video_Segmentation")]
    [InlineData("#VIDEO-segmentation")]
    public async Task Tag_lookup_accepts_dash_underscore_case_and_hash(string asked)
    {
        await store.ImportAsync([NoteFactory.Paper("SAM 2", tags: ["video-segmentation"]), NoteFactory.Paper("Other", tags: ["video"])], default);

        var found = await store.ByTagAsync(asked, includeQueued: true, default);

        Assert.Equal(["SAM 2"], found.Select(n => n.Title));
    }

    [Fact]
    public async Task Posted_notes_are_listed_newest_first_and_counted_once_posted_anywhere()
    {
        var time = (Microsoft.Extensions.Time.Testing.FakeTimeProvider)services.GetRequiredService<TimeProvider>();
        var deliveries = services.GetRequiredService<DeliveryStore>();
        await store.ImportAsync([NoteFactory.Paper("Old", tags: ["llm"]), NoteFactory.Paper("New", tags: ["llm", "data"]), NoteFactory.Paper("Waiting", tags: ["llm"])], default);
        var destinations = new DigestBot.Publishing.IDestination[] { new Publishing.FakeDestination("one", time), new Publishing.FakeDestination("two", time) };
        var taken = await deliveries.TakeForSlotAsync(2, destinations, null, default);
        await deliveries.MarkSentAsync(taken[0].Id, "one", null, default);
        time.Advance(TimeSpan.FromMinutes(1));
        await deliveries.MarkSentAsync(taken[1].Id, "two", null, default);
        time.Advance(TimeSpan.FromMinutes(1));
        await deliveries.MarkSentAsync(taken[0].Id, "two", null, default);

        var page = await store.ByTagPageAsync("LLM", includeQueued: false, page: 1, pageSize: 1, default);
        var tags = await store.TagsAsync(includeQueued: true, default);

        Assert.Equal(2, page.Total);
        Assert.Equal(["New"], page.Notes.Select(n => n.Title));
        Assert.Equal(["New", "Old"], (await store.ByTagAsync("llm", includeQueued: false, default)).Select(n => n.Title));
        Assert.Equal(new TagCount("llm", 2, 1), tags.Single(t => t.Tag == "llm"));
        Assert.Equal(new TagCount("data", 1, 0), tags.Single(t => t.Tag == "data"));
    }

    [Fact]
    public async Task Queued_notes_are_hidden_from_lookups_that_exclude_them()
    {
        await store.ImportAsync([NoteFactory.Paper("Queued paper", tags: ["llm"], commentary: "비디오")], default);

        Assert.Empty(await store.ByTagAsync("llm", includeQueued: false, default));
        Assert.Empty(await store.SearchAsync("비디오", includeQueued: false, default));
        Assert.Empty(await store.TagsAsync(includeQueued: false, default));
        Assert.Single(await store.ByTagAsync("llm", includeQueued: true, default));
    }

    [Theory]
    [InlineData("비디오", "SAM 2")]
    [InlineData("디오에", "SAM 2")]
    [InlineData("모델", "Apple")]
    [InlineData("온디바이스 Apple", "Apple")]
    [InlineData("SEGMENT", "SAM 2")]
    [InlineData("checkpoint", "ByteCheckpoint")]
    public async Task Search_finds_substrings_in_any_script(string words, string expectedTitle)
    {
        await store.ImportAsync(
        [
            NoteFactory.Paper("SAM 2", @abstract: "Segment anything in videos.", commentary: "SAM 2가 나왔군요. 비디오에 대한 확장입니다."),
            NoteFactory.Paper("Apple", @abstract: "Apple foundation models.", commentary: "온디바이스 모델과 서버 모델로 나뉘는데"),
            NoteFactory.Paper("ByteCheckpoint", @abstract: "A unified checkpointing system."),
        ], default);

        var found = await store.SearchAsync(words, includeQueued: true, default);

        Assert.Equal([expectedTitle], found.Select(n => n.Title));
    }

    [Theory]
    [InlineData("segment", "SAM 2")]
    [InlineData("데이터", "SAM 2")]
    [InlineData("모", "Apple")]
    [InlineData("cafe", "Apple")]
    [InlineData("CAFÉ", "Apple")]
    [InlineData("cafe\u0301", "Apple")]
    [InlineData("video-segmentation", "SAM 2")]
    [InlineData("mentation", null)]
    [InlineData("pointing", null)]
    public async Task Latin_words_match_from_their_start_and_korean_anywhere(string words, string? expectedTitle)
    {
        // Word index: a Latin term matches a word or its start, never its middle ("mentation" does not find
        // "segmentation"); Korean is indexed as bigrams, so it matches inside words ("데이터" in "빅데이터").
        await store.ImportAsync(
        [
            NoteFactory.Paper("SAM 2", @abstract: "Video-segmentation of anything.", commentary: "빅데이터 엔진으로 만든 데이터셋"),
            NoteFactory.Paper("Apple", @abstract: "Models for the café.", commentary: "모델"),
            NoteFactory.Paper("ByteCheckpoint", @abstract: "A unified checkpointing system."),
        ], default);

        var found = await store.SearchAsync(words, includeQueued: true, default);

        Assert.Equal(expectedTitle is null ? [] : [expectedTitle], found.Select(n => n.Title));
    }

    [Fact]
    public async Task Search_lists_the_most_recently_added_first_and_counts_only_posted_notes_for_readers()
    {
        var deliveries = services.GetRequiredService<DeliveryStore>();
        await store.ImportAsync(
            [NoteFactory.Paper("First", commentary: "비디오"), NoteFactory.Paper("Second", commentary: "비디오"), NoteFactory.Paper("Other", commentary: "음성")],
            default);
        var time = services.GetRequiredService<TimeProvider>();
        foreach (var taken in await deliveries.TakeForSlotAsync(3, [new Publishing.FakeDestination("one", time)], null, default))
        {
            await deliveries.MarkSentAsync(taken.Id, "one", null, default);
        }

        await store.ImportAsync([NoteFactory.Paper("Queued", commentary: "비디오")], default);

        var reader = await store.SearchPageAsync("비디오", includeQueued: false, page: 1, pageSize: 1, default);
        var curator = await store.SearchPageAsync("비디오", includeQueued: true, page: 2, pageSize: 2, default);

        Assert.Equal((2, 2, false), (reader.Total, reader.PageCount, reader.MoreThanTotal));
        Assert.Equal(["Second"], reader.Notes.Select(n => n.Title));
        Assert.Equal((3, 2), (curator.Total, curator.Page));
        Assert.Equal(["First"], curator.Notes.Select(n => n.Title));
        var beyond = await store.SearchPageAsync("비디오", includeQueued: true, page: 9, pageSize: 2, default);
        Assert.Equal((2, "First"), (beyond.Page, beyond.Notes.Single().Title));
        Assert.Equal(["Queued", "Second", "First"], (await store.SearchAsync("비디오", includeQueued: true, default)).Select(n => n.Title));
        Assert.Equal(["Second", "First"], (await store.SearchAsync("비디오", includeQueued: false, default)).Select(n => n.Title));
    }

    [Fact]
    public async Task A_prefix_of_more_words_than_are_expanded_still_finds_them_all()
    {
        var many = string.Join(' ', Enumerable.Range(0, SearchText.MaxExpansions + 5).Select(i => $"token{i}"));
        await store.ImportAsync([NoteFactory.Paper("Many", @abstract: many), NoteFactory.Paper("One", @abstract: "tokenizers")], default);

        var found = await store.SearchAsync("token", includeQueued: true, default);
        var exact = await store.SearchAsync("token36", includeQueued: true, default);

        Assert.Equal(["One", "Many"], found.Select(n => n.Title));
        Assert.Equal(["Many"], exact.Select(n => n.Title));
    }

    [Fact]
    public async Task A_search_counts_up_to_its_limit_and_then_says_more_than()
    {
        var notes = Enumerable.Range(0, NoteStore.SearchCountLimit + 2).Select(i => NoteFactory.Paper($"Paper {i}", commentary: "모델")).ToList();
        await store.ImportAsync(notes, default);

        var first = await store.SearchPageAsync("모델", includeQueued: true, page: 1, pageSize: 10, default);
        var all = await store.SearchAsync("모델", includeQueued: true, default);

        Assert.Equal((NoteStore.SearchCountLimit, true, 101), (first.Total, first.MoreThanTotal, first.PageCount));
        Assert.Equal($"Paper {NoteStore.SearchCountLimit + 1}", first.Notes[0].Title);
        Assert.Equal(NoteStore.SearchCountLimit + 2, all.Count);
    }

    [Fact]
    public async Task Import_returns_each_note_as_the_store_reads_it_back()
    {
        var imported = (await store.ImportAsync([NoteFactory.Paper("P", "2408.00001", tags: ["Video_Segmentation", "llm", "video-segmentation"], date: new DateOnly(2024, 7, 30))], default)).Queued.Single();

        var read = (await store.FindAsync(imported.Id, default))!;

        Assert.Equal((read.QueuePosition, read.TakenAt, read.Deliveries.Count), (imported.QueuePosition, imported.TakenAt, imported.Deliveries.Count));
        Assert.Equal(read.Note with { Tags = [], Authors = [], Links = [] }, imported.Note with { Tags = [], Authors = [], Links = [] });
        Assert.Equal(["video-segmentation", "llm"], imported.Note.Tags);
        Assert.Equal(read.Note.Tags, imported.Note.Tags);
        Assert.Equal(read.Note.Authors, imported.Note.Authors);
        Assert.Equal(read.Note.Links, imported.Note.Links);
    }

    [Theory]
    [InlineData("\"AND OR NOT")]
    [InlineData("title:* NEAR(")]
    [InlineData("100%_")]
    public async Task Search_treats_query_syntax_as_text(string words)
    {
        await store.ImportAsync([NoteFactory.Paper("Plain", @abstract: "nothing special")], default);

        var found = await store.SearchAsync(words, includeQueued: true, default);

        Assert.Empty(found);
    }

    [Fact]
    public async Task A_file_that_is_not_sqlite_gets_a_sentence_and_stays_untouched()
    {
        var path = folder.File("not-a-db.db");
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        await File.WriteAllBytesAsync(path, bytes);
        using var other = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => other.GetRequiredService<NoteStore>().QueuedAsync(default));

        Assert.Contains("is not a DigestBot database", ex.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task An_unwritable_path_gets_a_sentence_naming_it()
    {
        var blocker = folder.Write("blocker", "a file where a folder should be");
        using var other = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(blocker, "db", "x.db") });

        var ex = await Assert.ThrowsAsync<StoreUnavailableException>(() => other.GetRequiredService<NoteStore>().QueuedAsync(default));

        Assert.Contains(blocker, ex.Message, StringComparison.Ordinal);
        Assert.Contains("--db", ex.Message, StringComparison.Ordinal);
    }
}
