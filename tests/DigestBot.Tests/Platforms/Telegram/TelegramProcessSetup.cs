using Microsoft.Data.Sqlite;

namespace DigestBot.Tests.Platforms.Telegram;

/// <summary>
/// What a test of the bot as a process on Telegram stands on: a temp folder for its database, and a fake Telegram
/// whose answers to <c>sendMessage</c> the test releases (<see cref="HeldSends"/>).
/// </summary>
internal sealed class TelegramProcessSetup : IAsyncDisposable
{
    private TelegramProcessSetup(FakeTelegramServer telegram, HeldSends held)
    {
        Telegram = telegram;
        Held = held;
    }

    public TempFolder Folder { get; } = new();

    public FakeTelegramServer Telegram { get; }

    public HeldSends Held { get; }

    public string Database => Folder.File("data/digestbot.db");

    public static async Task<TelegramProcessSetup> StartAsync()
    {
        var held = new HeldSends();
        return new TelegramProcessSetup(await FakeTelegramServer.StartAsync(held.Options), held);
    }

    /// <summary><c>run</c> on <see cref="Database"/>, posting to <paramref name="channel"/>, with <paramref name="more"/> settings.</summary>
    public string[] RunArgs(string channel, params string[] more) => TelegramRunArguments.For(Database, Folder.File("inbox"), Telegram, channel, more);

    public async ValueTask DisposeAsync()
    {
        await Telegram.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Folder.Dispose();
    }
}
