using DigestBot.Notes;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DigestBot.Tests.Storage;

/// <summary>The archive's read-only lookups: posted notes only, and the counts migration 0011's triggers keep.</summary>
public sealed class ArchiveStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2024, 6, 30, 23, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    public ArchiveStoreTests()
    {
        services = TestServices.Create(folder, time: time);
    }

    public void Dispose()
    {
        services.Dispose();
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    private ArchiveStore Archive => services.GetRequiredService<ArchiveStore>();

    [Fact]
    public async Task Counts_and_months_follow_posting_and_taking_a_post_back()
    {
        await PostAsync(NoteFactory.Paper("June", "2406.00001", ["llm", "rag"]));
        time.Advance(TimeSpan.FromHours(2));
        var july = await PostAsync(NoteFactory.Paper("July", "2407.00001", ["llm"]));
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("Queued", "2407.00002", ["llm"])], CancellationToken.None);

        Assert.Equal(2, await Archive.CountAsync(CancellationToken.None));
        Assert.Equal([("2024-06", 1), ("2024-07", 1)], await Archive.MonthsAsync("llm", CancellationToken.None));
        Assert.Equal([("2024-06", 1)], await Archive.MonthsAsync("rag", CancellationToken.None));

        await ExecuteAsync($"UPDATE notes SET posted_at = NULL WHERE id = {july}; UPDATE note_tags SET posted_at = NULL WHERE note_id = {july};");

        Assert.Equal(1, await Archive.CountAsync(CancellationToken.None));
        Assert.Equal([("2024-06", 1)], await Archive.MonthsAsync("llm", CancellationToken.None));
        Assert.Null(await Archive.FindAsync(july, CancellationToken.None));

        await ExecuteAsync("DELETE FROM notes");

        Assert.Equal(0, await Archive.CountAsync(CancellationToken.None));
        Assert.Empty(await Archive.MonthsAsync("llm", CancellationToken.None));
    }

    [Fact]
    public async Task A_feeds_version_changes_with_a_new_post_and_with_a_later_delivery_of_a_shown_one_only()
    {
        var first = await PostAsync(NoteFactory.Paper("First", "2406.00011", ["llm"]));
        var before = await Archive.FeedVersionAsync(null, 50, CancellationToken.None);
        var beforeTag = await Archive.FeedVersionAsync("llm", 50, CancellationToken.None);
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("Queued", "2406.00012", ["llm"])], CancellationToken.None);

        Assert.Equal(before, await Archive.FeedVersionAsync(null, 50, CancellationToken.None));
        Assert.Equal(time.GetUtcNow(), before.Newest);
        Assert.Equal(("", (DateTimeOffset?)null), await Archive.FeedVersionAsync("rag", 50, CancellationToken.None));

        var deliveries = services.GetRequiredService<DeliveryStore>();
        await ExecuteAsync($"INSERT INTO deliveries (note_id, destination, state, created_at, updated_at) VALUES ({first}, 'slack:C1', 'pending', 'x', 'x')");
        await deliveries.MarkSentAsync(first, "slack:C1", "https://example.slack.com/p1", CancellationToken.None);

        Assert.NotEqual(before.Version, (await Archive.FeedVersionAsync(null, 50, CancellationToken.None)).Version);
        Assert.NotEqual(beforeTag.Version, (await Archive.FeedVersionAsync("llm", 50, CancellationToken.None)).Version);
    }

    private async Task<long> PostAsync(Note note)
    {
        await services.GetRequiredService<NoteStore>().ImportAsync([note], CancellationToken.None);
        var deliveries = services.GetRequiredService<DeliveryStore>();
        var taken = await deliveries.TakeForSlotAsync(1, [new FakeChannelDestination("telegram:@c")], null, CancellationToken.None);
        await deliveries.MarkSentAsync(taken[0].Id, "telegram:@c", null, CancellationToken.None);
        return taken[0].Id;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
