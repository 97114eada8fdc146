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
        var path = folder.File("data/digestbot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            foreach (var (version, sql) in SqliteDatabase.Migrations().Where(m => m.Version <= 3))
            {
                await Execute(old, sql + $"\nPRAGMA user_version = {version};");
            }

            await Execute(old, """
                INSERT INTO notes (id, dedupe_key, title, source, queue_position, created_at, taken_at)
                VALUES (1, 'title:posted', 'Posted paper', 'old.txt', 1, '2024-07-30T00:00:00Z', '2024-07-30T09:00:00Z'),
                       (2, 'title:queued', 'Queued paper', 'old.txt', 2, '2024-07-30T00:00:00Z', NULL);
                INSERT INTO note_tags (note_id, tag) VALUES (1, 'llm'), (1, 'data'), (2, 'llm');
                INSERT INTO deliveries (note_id, destination, state, message_ids, created_at, updated_at, sent_at)
                VALUES (1, 'telegram:@old', 'sent', '["7"]', '2024-07-30T09:00:00Z', '2024-07-30T09:00:01Z', '2024-07-30T09:00:01Z');
                """);
        }

        SqliteConnection.ClearAllPools();
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });
        var store = services.GetRequiredService<NoteStore>();

        var posted = await store.ByTagAsync("llm", includeQueued: false, default);
        var tags = await store.TagsAsync(includeQueued: true, default);

        Assert.Equal(["Posted paper"], posted.Select(n => n.Note.Title));
        Assert.Equal(new DateTimeOffset(2024, 7, 30, 9, 0, 1, TimeSpan.Zero), posted[0].PostedAt);
        Assert.Equal(new TagCount("llm", 1, 1), tags.Single(t => t.Tag == "llm"));
        Assert.Equal(new TagCount("data", 1, 0), tags.Single(t => t.Tag == "data"));
        Assert.Equal(["Queued paper"], (await store.QueuedAsync(default)).Select(n => n.Note.Title));
    }

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
