using System.Globalization;
using System.Text.RegularExpressions;
using DigestBot.Publishing;
using DigestBot.Storage;
using DigestBot.Tests.Platforms.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DigestBot.Tests.Storage;

/// <summary>
/// Restoring an old backup as the README says: the notes posted after the copy was made, recorded as posted with the
/// README's own <c>sqlite3</c> commands (run here through a plain SQLite connection, as the tool would), are neither
/// posted nor queued again.
/// </summary>
public sealed partial class RestoreTests : IDisposable
{
    private const string Channel = "telegram:@restore";

    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task The_README_s_recipe_records_the_notes_posted_after_the_copy_so_they_go_out_no_more()
    {
        var copy = folder.File("backups/copy.db");
        using (var live = TestServices.Create(folder))
        {
            // When the copy is made: A is posted, B taken by a slot and being posted, C queued.
            await live.GetRequiredService<NoteStore>().ImportAsync([Paper("A"), Paper("B"), Paper("C")], default);
            await PostAsync(live, 1);
            await TakeAsync(live, 1);
            await live.GetRequiredService<DatabaseBackup>().WriteAsync(copy, replace: false, default);
        }

        // After it, B and D (imported later) were posted, E imported and still queued; then the database was lost.
        using var restored = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = copy });
        var store = restored.GetRequiredService<NoteStore>();
        await store.ImportAsync([Paper("D"), Paper("E")], default);
        var wouldPost = await ReadmeListAsync(copy);
        await ReadmeRecipeAsync(copy, wouldPost.Where(n => n.Title is "B" or "D").Select(n => n.Id));

        Assert.Equal(["B", "C", "D", "E"], wouldPost.Select(n => n.Title));
        Assert.Equal(["C", "E"], (await ReadmeListAsync(copy)).Select(n => n.Title));
        Assert.Equal(["C", "E"], (await store.QueuedAsync(default)).Select(n => n.Note.Title));
        Assert.Empty(await restored.GetRequiredService<DeliveryStore>().UnfinishedAsync(default));
        Assert.Equal(["D", "B", "A"], (await store.ByTagAsync("restore", includeQueued: false, default)).Select(n => n.Title));
        Assert.Equal(new TagCount("restore", 3, 2), (await store.TagsAsync(includeQueued: true, default)).Single());
        Assert.Equal(["C", "E"], (await TakeAsync(restored, 10)).Select(n => n.Note.Title));
    }

    private static DigestBot.Notes.Note Paper(string title) => NoteFactory.Paper(title, tags: ["restore"]);

    private static Task<IReadOnlyList<StoredNote>> TakeAsync(IServiceProvider services, int count) =>
        services.GetRequiredService<DeliveryStore>().TakeForSlotAsync(count, [new FakeChannelDestination(Channel)], null, default);

    private static async Task PostAsync(IServiceProvider services, int count)
    {
        var deliveries = services.GetRequiredService<DeliveryStore>();
        foreach (var note in await TakeAsync(services, count))
        {
            await deliveries.MarkPartSentAsync(note.Id, Channel, note.Id.ToString(CultureInfo.InvariantCulture), default);
            await deliveries.MarkSentAsync(note.Id, Channel, null, default);
        }
    }

    /// <summary>Step 2: the README's query of what the bot would post.</summary>
    private static async Task<List<(long Id, string Title)>> ReadmeListAsync(string database)
    {
        var query = ListQuery().Match(Readme()).Groups["sql"].Value;
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        var notes = new List<(long, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            notes.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return notes;
    }

    /// <summary>Step 3: the README's statements, with these ids in the <c>VALUES</c> line.</summary>
    private static async Task ReadmeRecipeAsync(string database, IEnumerable<long> ids)
    {
        var recipe = Recipe().Match(Readme()).Groups["sql"].Value;
        var values = "VALUES " + string.Join(", ", ids.Select(id => $"({id})")) + ";";
        await using var connection = await OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = ValuesLine().Replace(recipe, values, 1);
        await command.ExecuteNonQueryAsync();
    }

    // Plain SQLite, like the sqlite3 tool: none of the functions DigestBot registers on its own connections.
    private static Task<SqliteConnection> OpenAsync(string database) => SqliteFile.OpenAsync(database, SqliteOpenMode.ReadWrite);

    private static string Readme() => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

    [GeneratedRegex("""sqlite3 digestbot\.db "(?<sql>SELECT [^"]+)"$""", RegexOptions.Multiline)]
    private static partial Regex ListQuery();

    [GeneratedRegex(@"sqlite3 digestbot\.db <<'SQL'\n(?<sql>.*?)\n\s*SQL\n", RegexOptions.Singleline)]
    private static partial Regex Recipe();

    [GeneratedRegex(@"VALUES \([^;]*;")]
    private static partial Regex ValuesLine();
}
