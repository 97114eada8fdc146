using DigestBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

/// <summary>A database made by an older DigestBot is brought up to date with its data intact.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task Notes_posted_before_posted_at_existed_are_found_and_counted_after_the_upgrade()
    {
        var path = await OldDatabaseAsync(3, """
                INSERT INTO notes (id, dedupe_key, title, source, queue_position, created_at, taken_at)
                VALUES (1, 'title:posted', 'Posted paper', 'old.txt', 1, '2024-07-30T00:00:00Z', '2024-07-30T09:00:00Z'),
                       (2, 'title:queued', 'Queued paper', 'old.txt', 2, '2024-07-30T00:00:00Z', NULL);
                INSERT INTO note_tags (note_id, tag) VALUES (1, 'llm'), (1, 'data'), (2, 'llm');
                INSERT INTO deliveries (note_id, destination, state, message_ids, created_at, updated_at, sent_at)
                VALUES (1, 'telegram:@old', 'sent', '["7"]', '2024-07-30T09:00:00Z', '2024-07-30T09:00:01Z', '2024-07-30T09:00:01Z');
                """);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });
        var store = services.GetRequiredService<NoteStore>();

        var posted = await store.ByTagAsync("llm", includeQueued: false, default);
        var tags = await store.TagsAsync(includeQueued: true, default);

        Assert.Equal(["Posted paper"], posted.Select(n => n.Title));
        Assert.Equal(new DateTimeOffset(2024, 7, 30, 9, 0, 1, TimeSpan.Zero), posted[0].PostedAt);
        Assert.Equal(new TagCount("llm", 1, 1), tags.Single(t => t.Tag == "llm"));
        Assert.Equal(new TagCount("data", 1, 0), tags.Single(t => t.Tag == "data"));
        Assert.Equal(["Queued paper"], (await store.QueuedAsync(default)).Select(n => n.Note.Title));
    }

    [Fact]
    public async Task The_archives_counts_start_from_what_was_posted_before_the_upgrade()
    {
        var path = await OldDatabaseAsync(8, """
                INSERT INTO notes (id, dedupe_key, title, source, queue_position, created_at, posted_at) VALUES
                    (1, 'a', 'A', 'x', 1, 'x', '2024-03-05T09:00:00.0000000Z'), (2, 'b', 'B', 'x', 2, 'x', NULL);
                INSERT INTO note_tags (note_id, tag, posted_at) VALUES (1, 'llm', '2024-03-05T09:00:00.0000000Z'), (2, 'llm', NULL);
                """);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });
        var archive = services.GetRequiredService<ArchiveStore>();

        Assert.Equal(1, await archive.CountAsync(default));
        Assert.Equal([("2024-03", 1)], await archive.MonthsAsync("llm", default));
    }

    [Fact]
    public async Task Notes_indexed_by_trigrams_are_found_by_words_and_bigrams_after_the_upgrade()
    {
        var path = await OldDatabaseAsync(5, """
                INSERT INTO notes (id, dedupe_key, title, abstract, commentary, source, queue_position, created_at, taken_at, posted_at)
                VALUES (1, 'title:sam', 'SAM 2', 'Segment anything in videos.', '비디오에 대한 확장입니다.', 'old.txt', 1, '2024-07-30T00:00:00Z', '2024-07-30T09:00:00Z', '2024-07-30T09:00:01Z'),
                       (2, 'title:apple', 'Apple', 'Apple foundation models.', '온디바이스 모델과 서버 모델', 'old.txt', 2, '2024-07-30T00:00:00Z', NULL, NULL);
                """);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });
        var store = services.GetRequiredService<NoteStore>();

        var video = await store.SearchAsync("비디오 segment", includeQueued: false, default);
        var model = await store.SearchPageAsync("모델", includeQueued: true, 1, 10, default);
        var added = (await store.ImportAsync([NoteFactory.Paper("New", commentary: "모델")], default)).Queued.Single();

        Assert.Equal(["SAM 2"], video.Select(n => n.Title));
        Assert.Equal((1, "Apple"), (model.Total, model.Notes.Single().Title));
        Assert.Equal(["New", "Apple"], (await store.SearchAsync("모델", includeQueued: true, default)).Select(n => n.Title));
        Assert.Equal(3, added.Id);
        await using var upgraded = new SqliteConnection($"Data Source={path}");
        await upgraded.OpenAsync();
        await using var command = upgraded.CreateCommand();
        command.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'notes_fts%'";
        Assert.IsType<DBNull>(await command.ExecuteScalarAsync());
        // 0007: segments are merged only when 16 of one size pile up, not on every write.
        command.CommandText = "SELECT v FROM note_words_config WHERE k = 'automerge'";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Notes_indexed_with_the_tokenizer_removing_diacritics_are_found_the_same_after_the_upgrade()
    {
        // At schema 7 the tokenizer removed diacritics itself, and search_text() only split Korean into bigrams.
        var path = await OldDatabaseAsync(7, """
                INSERT INTO notes (id, dedupe_key, title, abstract, commentary, source, queue_position, created_at)
                VALUES (1, 'title:cafe', 'Café models', 'Tiếng Việt benchmark.', '온디바이스 모델', 'old.txt', 1, '2024-07-30T00:00:00Z');
                INSERT INTO note_words (rowid, title, abstract, commentary)
                VALUES (1, 'Café models', 'Tiếng Việt benchmark.', '온디 디바 바이 이스 모델');
                INSERT INTO search_words (word) VALUES ('cafe'), ('models'), ('tieng'), ('viet'), ('benchmark');
                """);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path }, configure: s => s.AddFakeLogging());
        var store = services.GetRequiredService<NoteStore>();

        foreach (var words in new[] { "café", "CAFE", "viet", "Việt bench", "디바이스", "모델" })
        {
            Assert.Equal(["Café models"], (await store.SearchAsync(words, includeQueued: true, default)).Select(n => n.Title));
        }

        // The operator hears why a large store's first start takes a while.
        var logged = services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == typeof(SqliteDatabase).FullName).Select(r => r.Message).ToList();
        Assert.Equal(2, logged.Count);
        Assert.StartsWith($"Upgrading the database {path} from schema 7 to {SqliteDatabase.Migrations().Max(m => m.Version)};", logged[0], StringComparison.Ordinal);
        Assert.StartsWith($"Database upgraded to schema {SqliteDatabase.Migrations().Max(m => m.Version)} in ", logged[1], StringComparison.Ordinal);

        // The file keeps the page size it was made with; only new files get SqliteDatabase.PageSize.
        Assert.Equal(4096L, await SqliteFile.ScalarAsync(path, "PRAGMA page_size"));
        Assert.Contains("remove_diacritics 0", (string)(await SqliteFile.ScalarAsync(path, "SELECT sql FROM sqlite_master WHERE name = 'note_words'"))!, StringComparison.Ordinal);
        Assert.Equal(0L, await SqliteFile.ScalarAsync(path, "SELECT v FROM note_words_config WHERE k = 'automerge'"));
    }

    [Fact]
    public async Task A_new_database_file_has_pages_of_8_KiB()
    {
        var path = folder.File("data/new.db");
        using (var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path }, configure: s => s.AddFakeLogging()))
        {
            await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("First")], default);
            // Setting up a new file is no upgrade to tell the operator about.
            Assert.DoesNotContain(services.GetFakeLogCollector().GetSnapshot(), r => r.Category == typeof(SqliteDatabase).FullName);
        }

        SqliteConnection.ClearAllPools();
        Assert.Equal(8192L, await SqliteFile.ScalarAsync(path, "PRAGMA page_size"));
        Assert.Equal("wal", await SqliteFile.ScalarAsync(path, "PRAGMA journal_mode"));
    }

    /// <summary>A database as DigestBot left it at schema <paramref name="version"/>, with <paramref name="rows"/> inserted then.</summary>
    private async Task<string> OldDatabaseAsync(int version, string rows)
    {
        var path = folder.File("data/digestbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            // Migration 0006 names these; no rows go through them before the test's own.
            old.CreateFunction("search_text", (string? text) => text);
            old.CreateFunction("search_words", (string? text) => "[]");
            foreach (var (v, sql) in SqliteDatabase.Migrations().Where(m => m.Version <= version))
            {
                await Execute(old, sql + $"\nPRAGMA user_version = {v};");
            }

            await Execute(old, rows);
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
