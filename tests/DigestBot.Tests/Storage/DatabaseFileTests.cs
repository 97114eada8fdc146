using DigestBot.Storage;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DigestBot.Tests.Storage;

/// <summary>The database file, its folder and its companions as DigestBot creates them, and how it syncs them.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class DatabaseFileTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task A_new_database_its_wal_and_shm_files_its_lock_and_the_folders_made_for_it_are_the_owner_s_only()
    {
        var path = folder.File("state/data/digestbot.db");
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });

        // A write leaves the -wal and -shm files beside the database while the connection pool keeps them open.
        await services.GetRequiredService<NoteStore>().ImportAsync([NoteFactory.Paper("Private paper")], default);
        using (PostingLock.Acquire(path))
        {
            Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path + ".posting-lock"));
        }

        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path));
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path + "-wal"));
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(path + "-shm"));
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(folder.File("state/data")));
        Assert.Equal(OwnerOnlyModes.Folder, File.GetUnixFileMode(folder.File("state")));
    }

    [Fact]
    public async Task A_folder_that_exists_keeps_its_mode()
    {
        var shared = folder.File("shared");
        Directory.CreateDirectory(shared);
        const UnixFileMode readable = OwnerOnlyModes.Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(shared, readable);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = Path.Combine(shared, "bot.db") });

        await using (await services.GetRequiredService<SqliteDatabase>().OpenAsync(default))
        {
        }

        Assert.Equal(readable, File.GetUnixFileMode(shared));
        Assert.Equal(OwnerOnlyModes.File, File.GetUnixFileMode(Path.Combine(shared, "bot.db")));
    }

    [Fact]
    public async Task A_folder_given_as_the_database_is_named_with_what_to_do()
    {
        var path = folder.File("data/digestbot.db");
        Directory.CreateDirectory(path);
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { ["Storage:Path"] = path });

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => services.GetRequiredService<SqliteDatabase>().OpenAsync(default));

        Assert.Equal($"'{path}' is a folder. Point --db or Storage:Path at a database file, e.g. {Path.Combine(path, "digestbot.db")}.", error.Message);
    }

    [Theory]
    [InlineData(null, 1L)]
    [InlineData("Normal", 1L)]
    [InlineData("full", 2L)]
    public async Task Storage_Synchronous_sets_how_every_connection_syncs(string? setting, long pragma)
    {
        var settings = new Dictionary<string, string?>();
        if (setting is not null)
        {
            settings["Storage:Synchronous"] = setting;
        }

        using var services = TestServices.Create(folder, settings);

        await using var connection = await services.GetRequiredService<SqliteDatabase>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous";

        Assert.Equal(pragma, await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Storage:Synchronous", "Off", "Storage:Synchronous 'Off' must be Normal (the default) or Full")]
    [InlineData("Storage:BackupCron", "every day", "Storage:BackupCron 'every day' is not a cron expression")]
    [InlineData("Storage:BackupKeep", "0", "Storage:BackupKeep '0' must be between 1 and 1000")]
    public void A_bad_storage_setting_is_named_with_its_value(string key, string value, string expected)
    {
        using var services = TestServices.Create(folder, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
